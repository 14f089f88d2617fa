"""The browser engine: render a page in headless Chromium (Debian's, driven by Playwright), let
its scripts run, and hand the DOM to the same extract/judge path as the static engine.

It implements the fetcher interface of ``scanner.fetch``: ``fetch(url) -> Fetched``, never
raising for a bad page. What it adds over the static fetcher: forms built by script appear in
the DOM, and ``Fetched.requests`` lists every URL the page asked for while it ran (blocked or
not: rules.md counts a tracker "requested when it runs", whether or not the request succeeds).

Bounded in time: ``Settings.deadline`` for navigation, then at most ``Settings.browser_wait``
for the network to go quiet. No browser download: the system Chromium is used (``make
system-deps`` installs it), found as $UNBUNDLE_CHROMIUM, ``chromium`` or ``chromium-browser``.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any
from urllib.parse import urlsplit

from .fetch import DEFAULT_SETTINGS, EngineUnavailable, Fetched, Settings, is_loopback
from .model import PageStatus

# Flags for a headless run on a server: no sandbox when run as root in a container, and no
# background traffic of Chromium's own (updates, sync, metrics) that would pollute the requests.
# (Headless mode, the DevTools port and a throwaway profile are added at launch.)
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


# Which checkboxes does a form's own script insist on? For each <form>: fill its empty text
# fields, tick every named checkbox and dispatch a synthetic, cancelable "submit" event; if that
# goes through, untick each box in turn and see whether the script now cancels the event
# (``onsubmit="return check(this)"``, ``addEventListener('submit', …preventDefault())``). A
# synthetic submit event never submits the form (HTML spec: only the submit() algorithm does),
# and ``form.submit``/``requestSubmit`` are neutralised while probing, so nothing is sent; every
# field is restored afterwards.
_PROBE_SUBMIT = """() => {
  const proto = HTMLFormElement.prototype;
  const saved = [proto.submit, proto.requestSubmit];
  proto.submit = function () {};
  proto.requestSubmit = function () {};
  const out = [];
  try {
    document.querySelectorAll('form').forEach((form) => {
      const boxes = [...form.querySelectorAll('input[type=checkbox][name]')];
      const names = [...form.querySelectorAll('[name]')].map((e) => e.getAttribute('name'));
      const texts = [...form.querySelectorAll(
        'input:not([type]),input[type=text],input[type=email],input[type=tel],textarea')];
      const keepBoxes = boxes.map((b) => b.checked);
      const keepTexts = texts.map((t) => t.value);
      const blocked = [];
      try {
        texts.forEach((t) => { if (!t.value) t.value = t.type === 'email' ? 'probe@example.org'
          : (t.type === 'tel' ? '+33600000000' : 'Probe'); });
        const cancelled = () => {
          const ev = new Event('submit', {bubbles: true, cancelable: true});
          try { form.dispatchEvent(ev); } catch (e) { return true; }
          return ev.defaultPrevented;
        };
        boxes.forEach((b) => { b.checked = true; });
        if (boxes.length && !cancelled()) {
          boxes.forEach((b) => {
            b.checked = false;
            if (cancelled()) blocked.push(b.getAttribute('name'));
            b.checked = true;
          });
        }
      } finally {
        boxes.forEach((b, i) => { b.checked = keepBoxes[i]; });
        texts.forEach((t, i) => { t.value = keepTexts[i]; });
      }
      out.push({names: names, blocked: blocked});
    });
  } finally {
    proto.submit = saved[0];
    proto.requestSubmit = saved[1];
  }
  return out;
}"""


def chromium_path() -> str | None:
    return (os.environ.get("UNBUNDLE_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


class BrowserFetcher:
    """One Chromium for the whole scan; one fresh context (no cookies) per page.

    We start Chromium ourselves and attach Playwright to it over the DevTools protocol, so that
    we hold its process: a page whose script loops forever (after the load event, or in a submit
    handler) blocks every DevTools call, and the only bound that always holds is a watchdog that
    kills that process, ours, by its id. The page is then reported as ``timeout`` and a fresh
    Chromium is started for the next one.
    """

    def __init__(self, settings: Settings = DEFAULT_SETTINGS):
        self.settings = settings
        self._path = chromium_path()
        if self._path is None or not os.access(self._path, os.X_OK):
            where = f"at {self._path} " if self._path else ""
            raise EngineUnavailable(
                f"The browser engine needs Chromium, which could not be started: none {where}"
                "is installed or executable. Install Debian's chromium package (make system-deps) "
                "or set UNBUNDLE_CHROMIUM to its path, or scan with --engine static.")
        self._proc: subprocess.Popen[str] | None = None
        self._profile: str | None = None
        self._browser: Any = None
        self._pw: Any = None
        self._killed = False
        # Playwright's sync API runs on a thread of its own: it refuses a thread that already
        # runs an event loop (a caller's asyncio, another Playwright), and the watchdog needs the
        # calling thread free. A plain daemon thread, so that a stuck call never blocks exit.
        self._jobs: queue.Queue[tuple[Callable[..., Any], tuple[Any, ...], Future[Any]] | None] = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="unbundle-browser", daemon=True)
        self._worker.start()
        try:
            self._call(self._start)
        except BaseException:
            self._jobs.put(None)
            raise

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, args, future = job
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed back to the calling thread
                future.set_exception(exc)

    def _call(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        future: Future[Any] = Future()
        self._jobs.put((fn, args, future))
        return future.result(timeout)

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self._launch()
        except BaseException:
            self._pw.stop()
            raise

    # --- the Chromium process ---------------------------------------------------------------

    def _launch(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="unbundle-chromium-")
        args = [self._path, "--headless=new", "--remote-debugging-port=0",
                f"--user-data-dir={self._profile}", *CHROMIUM_ARGS, "about:blank"]
        try:
            self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True, errors="replace")
        except OSError as exc:
            raise EngineUnavailable(f"Chromium at {self._path} could not be started: {exc}.") from exc
        endpoint = self._endpoint(self._proc, time.monotonic() + max(self.settings.deadline, 20.0))
        if endpoint is None:
            self._stop_process()
            raise EngineUnavailable(f"Chromium at {self._path} could not be started: it did not "
                                    "open its DevTools endpoint in time.")
        self._browser = self._pw.chromium.connect_over_cdp(endpoint, timeout=self.settings.deadline * 1000)
        self._killed = False

    @staticmethod
    def _endpoint(proc: subprocess.Popen[str], deadline: float) -> str | None:
        """Read Chromium's stderr until it prints its DevTools URL; keep draining it after."""
        found: list[str] = []
        ready = threading.Event()

        def drain() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                if not found and "DevTools listening on " in line:
                    found.append(line.split("DevTools listening on ", 1)[1].strip())
                    ready.set()
            ready.set()  # the process ended

        threading.Thread(target=drain, daemon=True).start()
        ready.wait(max(0.0, deadline - time.monotonic()))
        return found[0] if found else None

    def _kill(self) -> None:
        """Watchdog: the page overran its time; end our Chromium (by its process id)."""
        self._killed = True
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()

    def _stop_process(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(5)
        self._proc = None
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def _relaunch(self) -> None:
        try:
            self._browser.close()
        except Exception:  # noqa: BLE001, S110 - it is already gone
            pass
        self._stop_process()
        self._launch()

    def close(self) -> None:
        try:
            self._call(self._close, timeout=30)
        except Exception:  # noqa: BLE001, S110 - stopping our process below is what matters
            pass
        finally:
            self._stop_process()
            self._jobs.put(None)

    def _close(self) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
        except Exception:  # noqa: BLE001, S110 - closing what may already be gone
            pass
        finally:
            self._stop_process()
            if self._pw is not None:
                self._pw.stop()

    # --- one page ---------------------------------------------------------------------------

    def fetch(self, url: str) -> Fetched:
        budget = self.settings.deadline + self.settings.browser_wait + 5.0
        try:
            # The watchdog bounds the page; the extra minute bounds a relaunch and the kill.
            return self._call(self._fetch, url, budget, timeout=budget + 60.0)
        except FutureTimeout:
            self._kill()
            return Fetched(url, PageStatus.TIMEOUT, final_url=url,
                           error=f"{url} kept the browser busy for too long; it was stopped.")

    def _fetch(self, url: str, budget: float) -> Fetched:
        if self._killed or self._proc is None or self._proc.poll() is not None:
            try:
                self._relaunch()
            except EngineUnavailable as exc:
                return Fetched(url, PageStatus.FETCH_ERROR, final_url=url, error=str(exc))
        watchdog = threading.Timer(budget, self._kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._render(url)
        except Exception as exc:  # noqa: BLE001 - a page never raises out of a fetch
            if self._killed:
                return Fetched(url, PageStatus.TIMEOUT, final_url=url, error=(
                    f"{url} kept the browser busy for more than {budget:g} s (a script that "
                    "never ends); it was stopped."))
            return _failed(Fetched(url, final_url=url), exc)
        finally:
            watchdog.cancel()

    def _render(self, url: str) -> Fetched:
        fetched = Fetched(url, final_url=url)
        context = self._browser.new_context(user_agent=self.settings.user_agent,
                                            java_script_enabled=True, service_workers="block")
        requests: list[str] = []
        probing = False

        def route(route: Any) -> None:
            request_url = route.request.url
            if request_url != url and request_url not in requests:
                requests.append(request_url)
            host = urlsplit(request_url).hostname
            scheme = urlsplit(request_url).scheme
            if probing or (self.settings.block_remote and scheme in ("http", "https")
                           and not is_loopback(host)):
                route.abort("blockedbyclient")  # while probing forms, nothing leaves the page
            else:
                route.continue_()

        try:
            context.route("**/*", route)
            page = context.new_page()
            page.set_default_timeout(self.settings.deadline * 1000)
            try:
                response = page.goto(url, wait_until="load", timeout=self.settings.deadline * 1000)
            except Exception as exc:  # noqa: BLE001 - every navigation failure is a status
                if self._killed:
                    raise
                return _failed(fetched, exc)
            if response is not None:
                fetched.http_status = response.status
                fetched.final_url = response.url
                fetched.content_type = response.headers.get("content-type", "")
                if response.status >= 400:
                    fetched.status = PageStatus.HTTP_ERROR
                    fetched.error = f"{response.url} answered HTTP {response.status} {response.status_text}."
                    return fetched
                mime = fetched.content_type.split(";", 1)[0].strip().lower()
                if mime and "html" not in mime and "xml" not in mime:
                    fetched.status = PageStatus.NOT_HTML
                    fetched.error = f"{url} is not an HTML page: it is served as {mime}, not HTML."
                    return fetched
            try:
                # Let scripts build the page; a page that never goes quiet is cut off, not waited for.
                page.wait_for_load_state("networkidle", timeout=self.settings.browser_wait * 1000)
            except Exception:  # noqa: BLE001, S110 - the DOM as it is now is what we judge
                if self._killed:
                    raise
            html = page.content()
            probing = True
            page.on("dialog", lambda dialog: dialog.dismiss())  # alert() from a validator
            try:
                fetched.submit_probes = page.evaluate(_PROBE_SUBMIT)
            except Exception:  # noqa: BLE001 - a page that breaks the probe is judged without it
                if self._killed:
                    raise
                fetched.submit_probes = []
            fetched.requests = requests
            body = html.encode("utf-8")
            if len(body) > self.settings.max_bytes:
                html = body[: self.settings.max_bytes].decode("utf-8", errors="ignore")
                fetched.status = PageStatus.TRUNCATED
                fetched.error = (f"{url} is larger than {self.settings.max_bytes} bytes once rendered; "
                                 "only the first part was judged.")
            fetched.html = html
            fetched.encoding = "utf-8"
            fetched.bytes_read = min(len(body), self.settings.max_bytes)
            return fetched
        finally:
            try:
                context.close()
            except Exception:  # noqa: BLE001, S110 - the browser may have been stopped
                pass


def _failed(fetched: Fetched, exc: Exception) -> Fetched:
    text = str(exc)
    first = text.splitlines()[0] if text else type(exc).__name__
    if "ERR_TOO_MANY_REDIRECTS" in text:
        fetched.status = PageStatus.TOO_MANY_REDIRECTS
        fetched.error = f"{fetched.url} redirects too many times."
    elif type(exc).__name__ == "TimeoutError" or "Timeout" in first:
        fetched.status = PageStatus.TIMEOUT
        fetched.error = f"{fetched.url} did not finish loading in time in the browser."
    else:
        fetched.status = PageStatus.FETCH_ERROR
        fetched.error = f"{fetched.url} could not be loaded in the browser: {first}."
    return fetched
