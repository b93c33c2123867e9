package dev.peering.testsupport;

import java.util.Map;

/** Per target and mutation: requests sent, answered 2xx, refused by a rule, refused generically. */
public final class HostileTally {
    private final Map<String, Map<HostileInput.Mutation, int[]>> counts = new java.util.LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> refusals = new java.util.LinkedHashMap<>();
    private final int[] roles = new int[2];

    void count(String target, HostileInput.Mutation mutation, boolean peer, int status, String code, String message) {
        int[] c = counts.computeIfAbsent(target, t -> new java.util.EnumMap<>(HostileInput.Mutation.class))
                .computeIfAbsent(mutation, m -> new int[4]);
        c[0]++;
        roles[peer ? 0 : 1]++;
        if (status < 300) {
            c[1]++;
        } else if (!HostileInput.GENERIC_REFUSALS.contains(code)) {
            c[2]++;
            refusals.computeIfAbsent(target, t -> new java.util.TreeMap<>())
                    .merge(code + ": " + HostileRequest.abbreviate(message, 70), 1, Integer::sum);
        } else {
            c[3]++;
        }
    }

    /** Requests to {@code target} with {@code mutation} that got past the generic refusals (2xx or a rule's 4xx). */
    public int reached(String target, HostileInput.Mutation mutation) {
        int[] c = counts.getOrDefault(target, Map.of()).get(mutation);
        return c == null ? 0 : c[1] + c[2];
    }

    /** Requests to {@code target} whose changed body got past the generic refusals. */
    public int reachedBodyChecks(String target) {
        return java.util.Arrays.stream(HostileInput.Mutation.values())
                .filter(m -> m.reachesBodyChecks)
                .mapToInt(m -> reached(target, m))
                .sum();
    }

    public int asPeer() {
        return roles[0];
    }

    public int asOperator() {
        return roles[1];
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("requests as peer ")
                .append(roles[0])
                .append(", as operator ")
                .append(roles[1]);
        out.append("\n(per mutation: sent/2xx/refused by a rule/refused generically; reached = 2xx + by a rule)");
        counts.forEach((target, byMutation) -> {
            int sent = byMutation.values().stream().mapToInt(c -> c[0]).sum();
            int reached =
                    byMutation.values().stream().mapToInt(c -> c[1] + c[2]).sum();
            out.append("\n  ")
                    .append(target)
                    .append(": sent ")
                    .append(sent)
                    .append(", reached ")
                    .append(reached)
                    .append(", changed body reached its checks ")
                    .append(reachedBodyChecks(target));
            byMutation.forEach((m, c) -> out.append("\n    ")
                    .append(m)
                    .append(' ')
                    .append(c[0])
                    .append('/')
                    .append(c[1])
                    .append('/')
                    .append(c[2])
                    .append('/')
                    .append(c[3]));
            refusals.getOrDefault(target, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(6)
                    .forEach(r -> out.append("\n    refused ")
                            .append(r.getValue())
                            .append("x ")
                            .append(r.getKey()));
        });
        return out.toString();
    }
}
