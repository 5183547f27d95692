package io.collector.platform.console;

import io.collector.events.EventEnvelope;
import io.collector.events.EventJson;
import io.collector.events.EventType;
import io.collector.events.payload.EmployeeHired;
import io.collector.eventbus.inbound.FailureHeaders;
import io.collector.eventbus.topology.QueueNames;
import io.collector.platform.CollectorPlatform;
import io.collector.platform.PlatformUnderTest;
import io.collector.platform.flow.OrderToCashFlow;
import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in headless Chromium against the running platform: a real order-to-cash flow found by
 * its correlation id and by its order number, every service healthy, event rates, and a
 * dead-lettered event replayed with a click until it takes effect.
 */
@ExtendWith(PlatformUnderTest.class)
class ConsoleIntegrationTests {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final List<String> ORDER_TO_CASH = List.of("offer.approved", "order.created", "order.confirmed",
            "delivery.dispatched", "delivery.confirmed", "invoice.issued", "invoice.paid");

    private static CollectorPlatform platform;
    private static OrderToCashFlow.Result flow;
    private static Browser browser;
    private static ChromeDriver page;

    @BeforeAll
    static void runAFlowAndOpenTheConsole(CollectorPlatform running) {
        platform = running;
        flow = new OrderToCashFlow(platform::port, STEP)
                .run("console-" + UUID.randomUUID(), "console-o2c-" + UUID.randomUUID(), step -> { });
        browser = Browser.start();
        page = browser.driver;
        page.get("http://localhost:" + platform.consolePort() + "/");
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void listsEveryServiceAsUp() {
        await().atMost(PAGE).untilAsserted(() -> {
            List<WebElement> rows = page.findElements(By.cssSelector("#services tbody tr"));
            assertThat(rows).hasSize(CollectorPlatform.serviceNames().size());
            assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("UP"));
        });
        assertThat(text("#services tbody")).contains("orders", "invoices", "db UP");
    }

    @Test
    void showsAFlowsEventsInOrderWithWhoHandledEach() {
        List<WebElement> rows = searchUntilEveryEventIsHandled(flow.correlationId());

        List<String> types = rows.stream().map(row -> row.getAttribute("data-type")).toList();
        assertThat(types.stream().filter(type -> !type.equals("stock.low")).toList()).isEqualTo(ORDER_TO_CASH);
        assertThat(types).containsOnlyOnce("stock.low");
        assertThat(rows.get(0).getText()).contains("+0 ms", "offer.approved", "offers");
        assertThat(handlers(rows, "invoice.issued")).contains("crm", "accounting");
        assertThat(handlers(rows, "order.created")).contains("inventory");
        assertThat(text("#flow-summary")).contains(flow.correlationId(), flow.tenant());
    }

    @Test
    void findsTheSameFlowByItsOrderNumber() {
        List<WebElement> rows = searchUntilEveryEventIsHandled(flow.orderNumber());

        assertThat(text("#flow-summary")).contains(flow.correlationId());
        assertThat(rows).hasSize(ORDER_TO_CASH.size() + 1);
    }

    @Test
    void saysSoWhenNothingMatches() {
        search("no-such-flow-" + UUID.randomUUID());
        await().atMost(PAGE).untilAsserted(() -> assertThat(text("#flow")).contains("No events found"));
    }

    @Test
    void showsEventRatesPerType() {
        await().atMost(PAGE).untilAsserted(() -> {
            WebElement invoiceIssued = page.findElement(By.cssSelector("#rates tr[data-type='invoice.issued']"));
            List<WebElement> cells = invoiceIssued.findElements(By.tagName("td"));
            assertThat(Long.parseLong(cells.get(1).getText())).as("published").isPositive();
            assertThat(Long.parseLong(cells.get(3).getText())).as("handled by crm and accounting")
                    .isGreaterThanOrEqualTo(2 * Long.parseLong(cells.get(1).getText()));
        });
    }

    /**
     * An employee.hired that projects could not handle while, say, its database was down sits in
     * its DLQ; the operator replays it from the console and the resource appears.
     */
    @Test
    void replaysADeadLetteredEventWhichThenTakesEffect() {
        String tenant = "console-dlq-" + UUID.randomUUID();
        String employeeNumber = "EMP-" + (10_000 + (int) (Math.random() * 80_000));
        String queue = QueueNames.queue(platform.context("projects").getEnvironment()
                .getRequiredProperty("collector.eventbus.service"), EventType.EMPLOYEE_HIRED.wireName());
        String dlq = QueueNames.deadLetter(queue);
        String messageId = deadLetter(queue, tenant, employeeNumber);

        WebElement dlqRow = await().atMost(PAGE).until(() -> dlqRow(dlq), row -> row != null && depth(row) == 1);
        dlqRow.findElement(By.cssSelector("[data-action=show]")).click();
        WebElement letter = await().atMost(PAGE).until(() -> page.findElements(
                By.cssSelector("#dead-letter-messages tr[data-message-id='" + messageId + "']")), rows -> rows.size() == 1)
                .get(0);
        assertThat(letter.getText()).contains("employee.hired", tenant, "SQLTransientConnectionException", "RETRIES_EXHAUSTED");
        letter.findElement(By.cssSelector("[data-action=replay]")).click();

        await().atMost(PAGE).until(() -> depth(dlqRow(dlq)) == 0);
        ApiClient projects = ApiClient.forTenant(platform.port("projects"), tenant);
        await().atMost(STEP).untilAsserted(() -> assertThat(StreamSupport.stream(
                projects.get("/api/resources").json().spliterator(), false)
                .map(resource -> resource.path("employeeNumber").asString())).containsExactly(employeeNumber));
    }

    /** Garbage that can never be handled is discarded with a reason, which the service records with the operator's name. */
    @Test
    void discardsADeadLetterWithTheReasonTheOperatorGives() {
        String queue = QueueNames.queue(platform.context("hr").getEnvironment()
                .getRequiredProperty("collector.eventbus.service"), EventType.TASK_COMPLETED.wireName());
        String dlq = QueueNames.deadLetter(queue);
        String messageId = "garbage-" + UUID.randomUUID();
        send(dlq, MessageBuilder.withBody("{\"type\": \"task.completed\", oops".getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").setMessageId(messageId)
                .setHeader(FailureHeaders.ORIGINAL_QUEUE, queue).setHeader(FailureHeaders.ATTEMPTS, 1)
                .setHeader(FailureHeaders.DEAD_LETTER_REASON, "MALFORMED_JSON").build());

        WebElement dlqRow = await().atMost(PAGE).until(() -> dlqRow(dlq), row -> row != null && depth(row) == 1);
        dlqRow.findElement(By.cssSelector("[data-action=show]")).click();
        await().atMost(PAGE).until(() -> page.findElements(By.cssSelector(
                "#dead-letter-messages tr[data-message-id='" + messageId + "'] [data-action=discard]")), rows -> rows.size() == 1)
                .get(0).click();
        page.switchTo().alert().sendKeys("truncated by a client bug, nothing to recover");
        page.switchTo().alert().accept();

        await().atMost(PAGE).until(() -> depth(dlqRow(dlq)) == 0);
        JsonNode discards = ApiClient.forAdmin(platform.port("hr"), "auditor").get("/api/admin/dead-letters/discards").json();
        assertThat(discards.get(0).path("messageId").asString()).isEqualTo(messageId);
        assertThat(discards.get(0).path("reason").asString()).isEqualTo("truncated by a client bug, nothing to recover");
        assertThat(discards.get(0).path("actor").asString()).isEqualTo("console-operator");
    }

    @Test
    void itsApiIsForAdminsOnlyWhileThePageIsOpen() throws Exception {
        int console = platform.consolePort();
        assertThat(ApiClient.anonymous(console).get("/api/admin/console/services").status()).isEqualTo(401);
        assertThat(ApiClient.forTenant(console, "a-tenant").get("/api/admin/console/services").status()).isEqualTo(403);
        HttpResponse<String> index = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + console + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Collector console</title>");
    }

    // ---- helpers

    private static List<WebElement> searchUntilEveryEventIsHandled(String key) {
        return await().atMost(STEP).ignoreException(StaleElementReferenceException.class).until(() -> {
            search(key);
            return await().atMost(PAGE).until(() -> page.findElements(By.cssSelector("#flow-events tbody tr")),
                    rows -> !rows.isEmpty() && text("#flow-summary").contains(flowSummaryFor(key)));
        }, rows -> rows.size() == ORDER_TO_CASH.size() + 1 && rows.stream().noneMatch(row -> row.getText().contains("not handled yet")));
    }

    private static String flowSummaryFor(String key) {
        return key.equals(flow.orderNumber()) ? flow.correlationId() : key;
    }

    private static void search(String key) {
        WebElement input = page.findElement(By.id("flow-key"));
        input.clear();
        input.sendKeys(key);
        page.findElement(By.id("flow-search")).click();
    }

    private static String handlers(List<WebElement> rows, String type) {
        return rows.stream().filter(row -> type.equals(row.getAttribute("data-type"))).findFirst().orElseThrow()
                .findElements(By.tagName("td")).get(5).getText();
    }

    private static String text(String selector) {
        return page.findElement(By.cssSelector(selector)).getText();
    }

    private static WebElement dlqRow(String dlq) {
        List<WebElement> rows = page.findElements(By.cssSelector("#dead-letter-queues tr[data-dlq='" + dlq + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static long depth(WebElement row) {
        try {
            return Long.parseLong(row.findElement(By.cssSelector(".depth")).getText());
        } catch (StaleElementReferenceException e) {
            return -1;
        }
    }

    /** Puts an employee.hired into projects' DLQ as the bus leaves one whose retries ran out; returns its message id. */
    private static String deadLetter(String queue, String tenant, String employeeNumber) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope<EmployeeHired> event = new EventEnvelope<>(eventId, EventEnvelope.CURRENT_VERSION,
                EventType.EMPLOYEE_HIRED.wireName(), Instant.now(), tenant, "hr", "console-dlq-" + eventId, null,
                new EmployeeHired(UUID.randomUUID(), employeeNumber, "Ada", "Lovelace", "ada@example.com", "Engineer",
                        "Research", Instant.parse("2026-11-01T00:00:00Z")));
        String failedAt = Instant.now().toString();
        Message message = MessageBuilder.withBody(EventJson.write(event))
                .setContentType("application/json").setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(eventId.toString()).setType(event.type())
                .setHeader("x-tenant-id", tenant)
                .setHeader(FailureHeaders.ORIGINAL_QUEUE, queue)
                .setHeader(FailureHeaders.ATTEMPTS, 4)
                .setHeader(FailureHeaders.EXCEPTION_CLASS, "java.sql.SQLTransientConnectionException")
                .setHeader(FailureHeaders.EXCEPTION_MESSAGE, "database unavailable")
                .setHeader(FailureHeaders.FIRST_FAILURE_AT, failedAt)
                .setHeader(FailureHeaders.LAST_FAILURE_AT, failedAt)
                .setHeader(FailureHeaders.DEAD_LETTER_REASON, "RETRIES_EXHAUSTED")
                .build();
        send(QueueNames.deadLetter(queue), message);
        return eventId.toString();
    }

    private static void send(String queue, Message message) {
        ConnectionFactory broker = platform.context("projects").getBean(ConnectionFactory.class);
        new RabbitTemplate(broker).send("", queue, message);
    }
}
