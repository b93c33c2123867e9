package dev.peering.connection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    @Test
    void aNewSessionComesUpThroughTheBgpStates() {
        List<SessionState> seen = new ArrayList<>();
        Optional<SessionState> s = Optional.of(SessionState.PendingAdd);
        while (s.isPresent()) {
            seen.add(s.get());
            s = s.get().nextSimulated();
        }
        assertEquals(
                List.of(
                        SessionState.PendingAdd,
                        SessionState.Idle,
                        SessionState.Connect,
                        SessionState.OpenSent,
                        SessionState.OpenConfirm,
                        SessionState.Established),
                seen);
    }

    @Test
    void noSessionAndARemovedOneDoNotMove() {
        assertFalse(SessionState.None.isComingUp());
        assertFalse(SessionState.Established.isComingUp());
        assertFalse(SessionState.PendingRemove.isComingUp());
    }
}
