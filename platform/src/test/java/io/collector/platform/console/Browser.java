package io.collector.platform.console;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless Chromium driven through its own ChromeDriver ({@code scripts/test.sh} installs
 * both when absent). Nothing is downloaded: the paths are given, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(binary).canExecute()) {
                throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver"
                        + " (scripts/test.sh does), or point CHROMIUM_BIN and CHROMEDRIVER_BIN at them");
            }
        }
        Path profile = profileDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without the background-networking flags Chromium keeps trying Google's hosts, which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    private static Path profileDirectory() {
        try {
            return Files.createTempDirectory("collector-console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
