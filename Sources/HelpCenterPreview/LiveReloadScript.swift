/// The script the preview server adds to every HTML page: it listens for rebuilds, reloads the page
/// where it was scrolled to, and shows a failed rebuild's message over the page until it is fixed.
/// Its URLs live under the site's base path, like the site.
struct LiveReloadScript: Sendable {
    /// The script's URL path.
    let path: String
    /// The URL path of the server-sent events.
    let eventsPath: String

    /// - Parameter basePath: the site's base path, percent-encoded, with a slash at each end.
    init(basePath: String) {
        path = basePath + "__helpcenter/live-reload.js"
        eventsPath = basePath + "__helpcenter/events"
    }

    var tag: String { "<script src=\"\(path)\"></script>\n" }

    var source: String {
        """
        (function () {
          "use strict";
          var key = "helpcenter-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            // "instant": the theme scrolls smoothly, and a reload should land where it was, not glide there.
            var restore = function () { window.scrollTo({ top: Number(saved), behavior: "instant" }); };
            if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
          }
          var panel = null;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function () {
            sessionStorage.setItem(key, String(window.scrollY));
            location.reload();
          });
          events.addEventListener("problem", function (event) {
            if (!panel) {
              panel = document.createElement("pre");
              panel.id = "helpcenter-build-problem";
              panel.setAttribute("role", "alert");
              panel.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:99999;margin:0;padding:1rem;" +
                "max-height:50vh;overflow:auto;white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace;" +
                "background:#3b0d0d;color:#fff;border:2px solid #ff6b6b;border-radius:6px";
              document.body.appendChild(panel);
            }
            panel.textContent = "helpcenter could not rebuild the site; still showing the last good build.\\n\\n" + event.data;
          });
        })();

        """
    }
}
