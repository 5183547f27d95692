package io.collector.platform.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

import static io.collector.platform.console.ServiceDirectory.segment;

/** {@code /api/admin/console}: what the console page shows, for tokens with role {@code admin}. */
@RestController
@RequestMapping("/api/admin/console")
@Validated
public class ConsoleController {

    private static final String AUTHORIZATION = "Authorization";

    private final ServiceDirectory services;
    private final EventTrail trail;

    public ConsoleController(ServiceDirectory services, EventTrail trail) {
        this.services = services;
        this.trail = trail;
    }

    @GetMapping("/services")
    public List<ServiceDirectory.ServiceHealth> services() {
        return services.health();
    }

    @GetMapping("/rates")
    public EventTrail.Rates rates(@RequestParam(defaultValue = "300") @Min(10) @Max(86_400) int windowSeconds) {
        return trail.rates(Duration.ofSeconds(windowSeconds));
    }

    @GetMapping("/flows")
    public EventTrail.Flow flow(@RequestParam @NotBlank String key) {
        return trail.flow(key.strip());
    }

    @GetMapping("/dead-letters")
    public ServiceDirectory.DeadLetterQueues deadLetterQueues(@RequestHeader(AUTHORIZATION) String authorization) {
        return services.deadLetterQueues(authorization);
    }

    @GetMapping("/dead-letters/{service}/{queue}")
    public ResponseEntity<String> deadLetters(@PathVariable String service, @PathVariable String queue,
                                              @RequestParam(defaultValue = "20") int limit,
                                              @RequestHeader(AUTHORIZATION) String authorization) {
        return services.admin(service, "GET", "dead-letters/" + segment(queue) + "?limit=" + limit, authorization, null);
    }

    @PostMapping("/dead-letters/{service}/{queue}/{messageId}/replay")
    public ResponseEntity<String> replay(@PathVariable String service, @PathVariable String queue,
                                         @PathVariable String messageId, @RequestHeader(AUTHORIZATION) String authorization) {
        return services.admin(service, "POST", "dead-letters/" + segment(queue) + "/" + segment(messageId) + "/replay",
                authorization, null);
    }

    /** The body, {@code {"reason": "..."}}, goes to the service as it is: the service validates and records it. */
    @PostMapping("/dead-letters/{service}/{queue}/{messageId}/discard")
    public ResponseEntity<String> discard(@PathVariable String service, @PathVariable String queue,
                                          @PathVariable String messageId, @RequestBody String body,
                                          @RequestHeader(AUTHORIZATION) String authorization) {
        return services.admin(service, "POST", "dead-letters/" + segment(queue) + "/" + segment(messageId) + "/discard",
                authorization, body);
    }

    @PostMapping("/dead-letters/{service}/{queue}/replay")
    public ResponseEntity<String> replayAll(@PathVariable String service, @PathVariable String queue,
                                            @RequestHeader(AUTHORIZATION) String authorization) {
        return services.admin(service, "POST", "dead-letters/" + segment(queue) + "/replay", authorization, null);
    }
}
