/* helpcenter default theme: progressive enhancements.
 *
 * Plain modern JavaScript, no dependencies, no requests but the ones a feature documents.
 * Every feature is an init function that looks for its markup and does nothing when the page
 * does not have it. Text from outside (API answers, what people type) is only ever set with
 * textContent, never with innerHTML.
 *
 * Sections:
 *   1. Helpers
 *   2. "Was this article helpful?" feedback
 *   3. Search (to come)
 *   4. Start
 */
(() => {
  "use strict";

  /* 1. Helpers -------------------------------------------------------------------------------- */

  /** sessionStorage, or null where it is unavailable (private modes, sandboxed frames). */
  const sessionStore = () => {
    try {
      const store = window.sessionStorage;
      const probe = "helpcenter:probe";
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch {
      return null;
    }
  };

  /** POSTs `body` as JSON. Resolves on a 2xx answer; rejects on a network error or any other status. */
  const postJSON = async (url, body) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      mode: "cors",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  };

  /* 2. "Was this article helpful?" feedback --------------------------------------------------- */
  /* <section class="feedback" data-endpoint="…" hidden> in article.mustache, rendered only when
     the site is built with --feedback-api. "Yes" sends {"rating":"helpful"}; "No" opens the form,
     which sends {"rating":"not_helpful"} and the text when there is one. An article answered
     once is not asked again in the same browser session. */

  const FEEDBACK_TEXT = {
    sending: "Sending…",
    thanks: "Thanks for your feedback.",
    failed: "Sorry, your feedback could not be sent.",
  };

  const feedbackKey = (endpoint) => `helpcenter:feedback:${endpoint}`;

  const initFeedback = () => {
    const section = document.querySelector("section.feedback[data-endpoint]");
    const endpoint = section?.dataset.endpoint;
    if (!section || !endpoint || typeof window.fetch !== "function") return;

    const store = sessionStore();
    const key = feedbackKey(endpoint);
    if (store?.getItem(key)) return; // already answered in this session: stay hidden

    const buttonsBox = section.querySelector(".feedback-buttons");
    const yesButton = section.querySelector('button[data-helpful="true"]');
    const noButton = section.querySelector('button[data-helpful="false"]');
    const form = section.querySelector(".feedback-form");
    const textarea = form?.querySelector("textarea");
    const status = section.querySelector(".feedback-status");
    if (!yesButton || !noButton || !status) return;

    const buttons = [...section.querySelectorAll("button")];
    let sending = false;

    const setStatus = (text) => {
      status.textContent = text;
    };

    const setBusy = (busy) => {
      sending = busy;
      for (const button of buttons) button.disabled = busy;
      if (textarea) textarea.readOnly = busy;
      section.setAttribute("aria-busy", String(busy));
    };

    const finish = () => {
      store?.setItem(key, "1");
      if (buttonsBox) buttonsBox.hidden = true;
      if (form) form.hidden = true;
      setStatus(FEEDBACK_TEXT.thanks);
      // The button that had focus is gone: keep keyboard users in the widget.
      if (document.activeElement === document.body || section.contains(document.activeElement)) {
        status.tabIndex = -1;
        status.focus({ preventScroll: true });
      }
    };

    const send = async (body) => {
      if (sending) return;
      // Disabling the focused button drops focus to the page: it is put back on failure.
      const focused = section.contains(document.activeElement) ? document.activeElement : null;
      setBusy(true);
      setStatus(FEEDBACK_TEXT.sending);
      try {
        await postJSON(endpoint, body);
        setBusy(false);
        finish();
      } catch {
        setBusy(false);
        setStatus(FEEDBACK_TEXT.failed);
        if (focused && document.activeElement === document.body) focused.focus();
      }
    };

    const press = (pressed) => {
      yesButton.setAttribute("aria-pressed", String(pressed === yesButton));
      noButton.setAttribute("aria-pressed", String(pressed === noButton));
    };

    yesButton.addEventListener("click", () => {
      press(yesButton);
      if (form) form.hidden = true;
      send({ rating: "helpful" });
    });

    noButton.addEventListener("click", () => {
      press(noButton);
      if (!form) {
        send({ rating: "not_helpful" });
        return;
      }
      setStatus("");
      form.hidden = false;
      textarea?.focus();
    });

    form?.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { rating: "not_helpful" };
      const text = textarea ? textarea.value.trim() : "";
      if (text) body.feedbackText = text;
      send(body);
    });

    section.hidden = false;
  };

  /* 3. Search (to come) ----------------------------------------------------------------------- */

  /* 4. Start ---------------------------------------------------------------------------------- */

  const start = () => {
    initFeedback();
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
