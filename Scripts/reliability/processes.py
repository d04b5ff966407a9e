"""What the reliability scripts share: release builds of the package's tools, and starting and stopping a
`helpcenter` server (`serve`, `emulate`) as a child process."""
import re, signal, subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def release_tools(*products):
    """Builds `products` with `swift build -c release` and returns the folder holding the binaries."""
    for product in products:
        subprocess.check_call(["swift", "build", "-c", "release", "--package-path", str(REPO), "--product", product],
                              stdout=subprocess.DEVNULL)
    return Path(subprocess.check_output(["swift", "build", "-c", "release", "--package-path", str(REPO),
                                         "--show-bin-path"], text=True).strip())


def start_server(command, stderr=subprocess.DEVNULL):
    """Starts a server that prints the loopback URL it listens on; returns the process and that URL (with
    the slash the server printed, if any), or None for the URL when it exited without printing one."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True)
    for line in process.stdout:
        found = re.search(r"http://127\.0\.0\.1:\d+/?", line)
        if found:
            return process, found.group(0)
    return process, None


def stop(process, timeout=30):
    """Interrupts `process` as Ctrl-C would, and kills it when it has not exited after `timeout` seconds."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
