package dev.peering.console.api;

import dev.peering.console.service.LiveBanner;
import dev.peering.console.service.LiveEvents;
import dev.peering.console.service.SignedInUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every page shows around its content: who is signed in, the live-updates banner, the error banner. */
@ApplicationScoped
public class Pages {

    private final LiveEvents live;

    public Pages(LiveEvents live) {
        this.live = live;
    }

    public TemplateInstance page(Template template, SignedInUser user) {
        return template.data("user", user)
                .data("paused", live.live() ? null : LiveBanner.PAUSED)
                .data("errors", new LinkedHashMap<String, String>())
                .data("values", new LinkedHashMap<String, String>());
    }

    /** A form's fields as the page shows them again after an error (first value of each). */
    public static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((name, list) -> {
                if (!list.isEmpty() && !name.equals("csrf-token")) {
                    values.put(name, list.get(0));
                }
            });
        }
        return values;
    }
}
