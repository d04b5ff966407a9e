"""What the browser tests share: selenium (installed with pip if missing), a headless Chromium driver,
a quiet local HTTP server for a built site, building the demo, and the PASS/FAIL checks recorder.

Import it from a script in this folder (`import harness`): importing makes sure selenium is present, so
the script's own `from selenium ... import ...` lines come after it. Needs Debian's chromium and
chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver).
"""
import functools, http.server, subprocess, sys, tempfile, threading
from http import HTTPStatus
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SELENIUM = "selenium==4.51.0"


def ensure_selenium():
    """Imports selenium, installing the pinned version for this user first when it is missing."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--user", "--quiet", SELENIUM])
        import site, importlib; importlib.reload(site)


ensure_selenium()
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402


def chrome(width=1280, height=900, console=True):
    """A headless Chromium window of width x height. With console, every browser console message is kept
    (the goog:loggingPrefs capability), for driver.get_log("browser")."""
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument(f"--window-size={width},{height}")
    options.binary_location = CHROMIUM
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request. With not_found set (a file), a missing path answers
    404 with that page, as static hosts do with a site's 404.html."""
    not_found = None

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = self.not_found
        if code != HTTPStatus.NOT_FOUND or not page or not Path(page).is_file():
            return super().send_error(code, message, explain)
        body = Path(page).read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory, not_found=None):
    """Serves directory on 127.0.0.1 at a free port, in a daemon thread. Returns the server; its `url`
    is the root URL with a trailing slash. Stop it with server.shutdown()."""
    handler = type("Handler", (QuietHandler,), {"not_found": str(not_found) if not_found else None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def tools(*products):
    """Builds `products` (debug, as `swift test` does) and returns the folder holding the binaries."""
    for product in products:
        subprocess.check_call(["swift", "build", "--package-path", str(REPO), "--product", product],
                              stdout=subprocess.DEVNULL)
    return Path(subprocess.check_output(["swift", "build", "--package-path", str(REPO), "--show-bin-path"],
                                        text=True).strip())


def build_demo(output=None, prefix="site-test-"):
    """Builds the demo help center with `swift run helpcenter build -o DIR` and returns DIR (by default
    a new temporary folder's site/)."""
    output = output or tempfile.mkdtemp(prefix=prefix) + "/site"
    subprocess.check_call(["swift", "run", "--package-path", str(REPO), "helpcenter", "build", "-o", str(output)],
                          stdout=subprocess.DEVNULL)
    return str(output)


class Checks:
    """Prints one line per check, `PASS name` or `FAIL name: detail`, and a closing `N passed, N failed`."""

    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=""):
        ok = bool(ok)
        self.results.append(ok)
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"), flush=True)
        return ok

    @property
    def failed(self):
        return self.results.count(False)

    def summary(self):
        """Prints the closing line; returns the exit status, 1 when any check failed."""
        passed = sum(self.results)
        print(f"{passed} passed, {len(self.results) - passed} failed")
        return 0 if passed == len(self.results) else 1
