package cn.huangpu.assessment.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for web walkthroughs: the app's login page, its Thymeleaf pages and the Camunda
 * Tasklist (AngularJS, Camunda Forms rendered by form-js). Uses the Debian {@code chromium} and
 * {@code chromedriver} packages directly, so Selenium Manager never runs; {@link #available()} tells a
 * test to skip when they are not installed. Every wait is explicit.
 *
 * <p>Starting Chromium costs one to three seconds on the build machine, and the suite opens a browser for about
 * fifty tests. So {@link #close()} hands the Chromium back to a pool of one (per JVM) after wiping what a test
 * could leave behind, and the next test's browser takes it: a new tab replaces every window (emulation overrides,
 * scripts added for new documents and the cache switch of the DevTools protocol belong to the tab and go with
 * it), cookies and the HTTP cache are cleared, the site storage of the app's origin is cleared, and the window
 * size, downloads and timeouts are set back. If any of that fails, that Chromium is quit and the next test starts
 * a new one. A browser that leaves prompts open runs in another kind of session and is never pooled.
 */
public final class Browser implements AutoCloseable {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofMillis(600);

    private static final Dimension WINDOW = new Dimension(1280, 900);
    /** Idle Chromium sessions handed back by {@link #close()}; guarded by itself. */
    private static final Deque<Session> IDLE = new ArrayDeque<>();
    private static final int POOL_SIZE = 1;
    private static boolean quitAtExit;

    private final String baseUrl;
    private final Path screenshots;
    private final Path dumps;
    private final boolean pooled;
    private final Session session;
    private final ChromeDriver driver;
    private boolean closed;
    private String tasklistWindow;
    private String taskUrl;
    private String taskName;

    /** Whether Chromium and its driver are installed where this helper expects them. */
    public static boolean available() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    public static String unavailableReason() {
        return "Chromium walkthrough skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " must be installed (Debian: apt-get install chromium chromium-driver)";
    }

    public Browser(String baseUrl, Path screenshots) {
        this(baseUrl, screenshots, false);
    }

    /**
     * @param leavePrompts whether the question a page asks before it is left (beforeunload) stays open for the test
     *                     to see and answer ({@code driver().switchTo().alert()}). ChromeDriver otherwise accepts it
     *                     at once; it leaves it open only in a WebDriver BiDi session told to ignore such prompts.
     */
    public Browser(String baseUrl, Path screenshots, boolean leavePrompts) {
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.dumps = Path.of(System.getProperty("java.io.tmpdir"), "walkthrough-dumps");
        try {
            Files.createDirectories(screenshots);
            Files.createDirectories(dumps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pooled = !leavePrompts;
        Session idle = pooled ? takeIdle() : null;
        this.session = idle != null ? idle : Session.start(leavePrompts);
        this.driver = session.driver();
        setTimeouts();
    }

    /** A Chromium with its driver and profile; started once and reused by the tests after it (see the class). */
    private record Session(ChromeDriverService service, ChromeDriver driver, Path profile) {

        static Session start(boolean leavePrompts) {
            Path profile;
            try {
                profile = Files.createTempDirectory("walkthrough-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(), "--lang=zh-CN",
                    "--user-data-dir=" + profile);
            if (leavePrompts) {
                options.setCapability("webSocketUrl", true);
                options.setCapability("unhandledPromptBehavior", Map.of("beforeUnload", "ignore", "default", "dismiss and notify"));
            }
            // The driver executable is given, so Selenium Manager never runs (no download, no network).
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort()
                    .build();
            try {
                return new Session(service, new ChromeDriver(service, options), profile);
            } catch (RuntimeException e) {
                service.stop();
                deleteProfile(profile);
                throw e;
            }
        }

        void quit() {
            try {
                driver.quit();
            } finally {
                service.stop();
                deleteProfile(profile);
            }
        }
    }

    private static Session takeIdle() {
        synchronized (IDLE) {
            return IDLE.pollFirst();
        }
    }

    /** Keeps the session for the next test if the pool has room; answers whether it did. */
    private static boolean giveBack(Session session) {
        synchronized (IDLE) {
            if (IDLE.size() >= POOL_SIZE) {
                return false;
            }
            if (!quitAtExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "quit-pooled-chromium"));
                quitAtExit = true;
            }
            IDLE.addLast(session);
            return true;
        }
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            for (Session idle : IDLE) {
                try {
                    idle.quit();
                } catch (RuntimeException ignored) {
                    // the JVM is exiting; a Chromium that is already gone needs no quitting
                }
            }
            IDLE.clear();
        }
    }

    private void setTimeouts() {
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /**
     * Leaves the Chromium as a newly started one would be for the next test: one new blank tab, no cookies, no
     * cached responses, no site data of this app, the start's window size, downloads and timeouts.
     */
    private void wipe() {
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        driver.manage().window().setSize(WINDOW);
        setTimeouts();
        if (driver.getWindowHandles().size() != 1) {
            throw new IllegalStateException("Chromium not wiped: " + driver.getWindowHandles().size() + " windows");
        }
    }

    public WebDriver driver() {
        return driver;
    }

    // ---------------------------------------------------------------- navigation, waits, reading

    public void open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return waitUntil(what, WAIT, condition);
    }

    public <T> T waitUntil(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .withMessage(() -> what + " (page " + path() + ", dump " + dump("timeout") + ")");
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                // the page was replaced while it was read (a form post, a reload): try again
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    public WebElement visible(By by) {
        return waitUntil("visible " + by, ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return waitUntil("clickable " + by, ExpectedConditions.elementToBeClickable(by));
    }

    /** Clicks an element once it is clickable, retrying while AngularJS re-renders it. */
    public void click(By by) {
        waitUntil("click " + by, d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return null;
            }
            scrollIntoView(element);
            try {
                element.click();
            } catch (ElementClickInterceptedException e) {
                return null; // a modal or a notification still fading in or out
            }
            return true;
        });
    }

    public void type(By by, String text) {
        WebElement element = visible(by);
        element.clear();
        element.sendKeys(text);
    }

    public String bodyText() {
        return waitUntil("page body", d -> d.findElement(By.tagName("body")).getText());
    }

    /** Waits until the page's visible text contains every given text; answers the text. */
    public String waitForText(String... texts) {
        return waitUntil("text " + String.join(", ", texts), d -> {
            String body = d.findElement(By.tagName("body")).getText();
            for (String text : texts) {
                if (!body.contains(text)) {
                    return null;
                }
            }
            return body;
        });
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void scrollIntoView(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    public void scrollToTop() {
        js("window.scrollTo(0, 0);");
    }

    public Path screenshot(String name) {
        Path target = screenshots.resolve(name);
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A screenshot with the window made taller for it, for a dialog or page longer than the screen. */
    public Path screenshot(String name, int height) {
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), height));
        try {
            waitUntil("window resized", d -> d.manage().window().getSize().getHeight() == height ? true : null);
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Writes the current page's HTML to the temp directory for debugging; answers its path. */
    public Path dump(String name) {
        Path target = dumps.resolve(System.currentTimeMillis() + "-" + name + ".html");
        try {
            Files.writeString(target, driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | WebDriverException e) {
            return null;
        }
        return target;
    }

    // ---------------------------------------------------------------- login

    /** Logs in through the app's login page (the same login serves the Camunda webapps). */
    public void login(String user, String password) {
        open("/login");
        type(By.id("username"), user);
        type(By.id("password"), password);
        click(By.cssSelector("form button[type=submit]"));
        waitUntil("logged in as " + user, d -> {
            if (d.getCurrentUrl().contains("/login?error")) {
                throw new AssertionError("Login of " + user + " refused: " + d.findElement(By.tagName("body")).getText());
            }
            return d.getCurrentUrl().contains("/login") ? null : true;
        });
    }

    /**
     * Ends the session: with the 退出 button of the app's header when the page shows it, otherwise by
     * deleting the cookies (the header's user block needs {@code #authentication} in the templates).
     * Either way, checks that the app asks for a login again. Answers whether the button was there.
     */
    public boolean logout() {
        closeOtherWindows();
        open("/app");
        By button = By.xpath("//header//form//button[normalize-space()='退出']");
        boolean viaButton = !driver.findElements(button).isEmpty();
        if (viaButton) {
            click(button);
            waitForText("已退出登录");
        }
        driver.manage().deleteAllCookies();
        open("/app");
        waitUntil("logged out", d -> d.getCurrentUrl().contains("/login") ? true : null);
        return viaButton;
    }

    // ---------------------------------------------------------------- windows

    /** Switches to a window opened by a link (target=_blank), if there is one; answers whether it did. */
    public boolean switchToNewWindow(String from) {
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        handles.remove(from);
        if (handles.isEmpty()) {
            return false;
        }
        driver.switchTo().window(handles.get(handles.size() - 1));
        return true;
    }

    public void closeOtherWindows() {
        String keep = tasklistWindow != null && driver.getWindowHandles().contains(tasklistWindow)
                ? tasklistWindow : driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(keep)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(keep);
    }

    // ---------------------------------------------------------------- Camunda Tasklist

    public void openTasklist() {
        open("/camunda/app/tasklist/default/");
        waitUntil("Tasklist filters", d -> !d.findElements(By.cssSelector(".task-filters .task-filter")).isEmpty());
        tasklistWindow = driver.getWindowHandle();
    }

    /**
     * Back to the task the last followed form link came from: to the Tasklist's window if the link opened
     * another one, otherwise to the Tasklist's address of that task (as the browser's history would).
     */
    public void backToTasklist() {
        if (tasklistWindow != null && !driver.getWindowHandle().equals(tasklistWindow)
                && driver.getWindowHandles().contains(tasklistWindow)) {
            driver.close();
            driver.switchTo().window(tasklistWindow);
            return;
        }
        open(taskUrl);
        waitUntil("Tasklist filters", d -> !d.findElements(By.cssSelector(".task-filters .task-filter")).isEmpty());
        waitUntil("task card " + taskName, d -> d.findElement(By.cssSelector(".task-details .task-card h2.task"))
                .getText().contains(taskName) ? true : null);
        waitForForm();
    }

    /** The filter names, in the order the Tasklist shows them. */
    public List<String> filterNames() {
        return waitUntil("filter names", d -> d.findElements(By.cssSelector(".task-filters .task-filter h4.name a"))
                .stream().map(e -> e.getAttribute("textContent").strip().split("\\s+")[0]).toList());
    }

    public void selectFilter(String name) {
        click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(normalize-space(.),'"
                + name + "')]"));
        waitUntil("filter " + name + " active", d -> d.findElement(
                By.cssSelector(".task-filters .task-filter.active h4.name a")).getText().contains(name));
    }

    /** The names of the tasks in the list, once the list has loaded (and contains the expected one, if given). */
    public List<String> taskNames(String expected) {
        return waitUntil("task list" + (expected != null ? " with " + expected : ""), d -> {
            if (d.findElements(By.cssSelector(".tasks-list .loader")).stream().anyMatch(WebElement::isDisplayed)) {
                return null;
            }
            List<String> names = d.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
                    .map(e -> e.getText().strip()).toList();
            if (expected != null && !names.contains(expected)) {
                return null;
            }
            return names;
        });
    }

    /** Opens the task with this id from the list (its link carries the id) and waits for its card. */
    public void openTask(String taskId, String name) {
        click(By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']"));
        waitUntil("task card " + name, d -> d.findElement(By.cssSelector(".task-details .task-card h2.task"))
                .getText().contains(name));
        waitForForm();
        taskName = name;
    }

    /** Waits until the Camunda Form of the open task (or start form) is rendered. */
    public void waitForForm() {
        waitUntil("Camunda Form rendered", d -> !d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).isEmpty());
    }

    /** Follows a link of the rendered form by its text; stays in this window or switches to the one it opened. */
    public void followFormLink(String text) {
        String from = driver.getWindowHandle();
        taskUrl = driver.getCurrentUrl();
        click(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(normalize-space(.),'" + text + "')]"));
        waitUntil("link " + text + " followed", d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().contains("/app/"));
        switchToNewWindow(from);
        waitUntil("page loaded", d -> "complete".equals(js("return document.readyState")));
    }

    public void claim() {
        click(By.cssSelector(".task-details .task-card button.claim"));
        waitUntil("task claimed", d -> d.findElements(By.cssSelector(".task-details .task-card button.claim")).isEmpty());
        waitForForm();
    }

    /**
     * Types into form-js fields by the component ids of the .form file. A freshly rendered Camunda Form
     * re-renders once more shortly after it appears, and text typed into a field just before that is
     * reset (a person never types that fast). So each field is typed and left with TAB, and the values
     * are then watched until they have stayed put for a moment, retyping any that was reset.
     */
    public void fillForm(Map<String, String> valuesByComponentId) {
        valuesByComponentId.forEach(this::typeIntoFormField);
        untilStable("form values " + valuesByComponentId, () -> {
            boolean intact = true;
            for (Map.Entry<String, String> entry : valuesByComponentId.entrySet()) {
                if (!entry.getValue().equals(driver.findElement(formField(entry.getKey())).getAttribute("value"))) {
                    typeIntoFormField(entry.getKey(), entry.getValue());
                    intact = false;
                }
            }
            return intact;
        });
    }

    private void typeIntoFormField(String componentId, String value) {
        WebElement input = visible(formField(componentId));
        scrollIntoView(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    /** Ticks a form checkbox by its label, once the form is enabled (after claiming), and sees that it stays ticked. */
    public void tick(String label) {
        choose("checkbox " + label, By.xpath("//div[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),'"
                + label + "')]]//input[@type='checkbox']"));
    }

    /** Chooses a form radio option by its label (form-js wraps each option's input in its label). */
    public void choose(String optionLabel) {
        choose("radio " + optionLabel, By.xpath("//div[contains(@class,'fjs-form-field')]//label[contains(normalize-space(.),'"
                + optionLabel + "')]//input[@type='radio']"));
    }

    private void choose(String what, By input) {
        untilStable(what, () -> {
            WebElement element = driver.findElement(input);
            if (!element.isEnabled()) {
                return false;
            }
            if (!element.isSelected()) {
                scrollIntoView(element);
                element.click();
                return false;
            }
            return true;
        });
    }

    /**
     * Waits until {@code check} has answered true for {@link #SETTLE} without interruption; {@code check}
     * may repair what it finds wrong (and answer false).
     */
    public void untilStable(String what, Supplier<Boolean> check) {
        long[] okSince = {-1};
        waitUntil(what + " stable", d -> {
            long now = System.nanoTime();
            if (!Boolean.TRUE.equals(check.get())) {
                okSince[0] = -1;
                return null;
            }
            if (okSince[0] < 0) {
                okSince[0] = now;
            }
            return now - okSince[0] >= SETTLE.toNanos() ? true : null;
        });
    }

    /**
     * Completes the open task with the Tasklist's 办理完成 button and waits for the Tasklist to confirm;
     * fails at once with the Tasklist's message if the completion is refused.
     */
    public void complete() {
        click(By.cssSelector(".task-details .form-actions button.btn-primary"));
        waitUntil("task completed", d -> {
            for (WebElement error : d.findElements(By.cssSelector(".notifications .alert-danger"))) {
                if (error.isDisplayed()) {
                    throw new AssertionError("Tasklist refused to complete the task: " + error.getText());
                }
            }
            // the success notice (任务已办理完成) fades quickly; the closed task card says the same
            return d.findElement(By.tagName("body")).getText().contains("任务已办理完成")
                    || d.findElements(By.cssSelector(".task-details .task-card")).isEmpty() ? true : null;
        });
    }

    /** Waits until the task list (reloaded by the Tasklist after a change) no longer shows the task. */
    public void waitUntilNotListed(String taskId) {
        waitUntil("task " + taskId + " gone from the list", d -> d.findElements(
                By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']")).isEmpty() ? true : null);
    }

    /** Opens the start-process dialog (发起流程) and picks a process by its name; waits for its start form. */
    public void openStartForm(String processName) {
        click(By.xpath("//a[contains(normalize-space(.),'发起流程')]"));
        click(By.xpath("//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space(.)='"
                + processName + "']"));
        waitUntil("start form", d -> !d.findElements(By.cssSelector(".modal .fjs-form .fjs-form-field")).isEmpty());
    }

    /** A form-js field's input by the component id of the .form file (form-js ids end with it). */
    public By formField(String componentId) {
        return By.cssSelector(".fjs-form [id$='" + componentId + "']");
    }

    /** Starts the process with the dialog's 开始 button and waits for the dialog to close. */
    public void submitStartForm() {
        click(By.cssSelector(".modal .modal-footer button.btn-primary"));
        try {
            waitUntil("start dialog closed", d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("Start refused: " + driver.findElement(By.cssSelector(".modal")).getText(), e);
        }
    }

    /** Ends this test's browser: its Chromium goes back to the pool wiped (see the class), or is quit. */
    @Override
    public void close() {
        if (closed) {
            return; // its Chromium may already serve another test
        }
        closed = true;
        if (pooled) {
            try {
                wipe();
                if (giveBack(session)) {
                    return;
                }
            } catch (RuntimeException e) {
                // a page that hangs or a dialog that stays open: this Chromium is not reused
            }
        }
        session.quit();
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
