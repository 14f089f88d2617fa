/* unbundle embed loader: <script src="BASE/embed.js" data-form="ID" async></script>
   inserts the form's iframe after this tag and keeps its height right. No third-party
   request: the frame comes from BASE, the origin whose messages alone are trusted. */
(function (d, w) {
  var s = d.currentScript;
  if (!s) return;
  var base = {{ base | tojson }} || s.src.replace(/\/[^\/]*$/, "");
  var origin = new URL(base, location.href).origin;
  var form = s.getAttribute("data-form") || "";
  var langs = {{ languages | tojson }};
  var titles = {{ titles | tojson }};
  var lang = (s.getAttribute("data-lang") || d.documentElement.lang || "").slice(0, 2).toLowerCase();
  if (langs.indexOf(lang) < 0) lang = langs[0];
  var f = d.createElement("iframe");
  f.src = {{ frame_url | tojson }}.replace("{base}", base)
    .replace("{form}", encodeURIComponent(form)).replace("{lang}", lang);
  f.title = s.getAttribute("data-title") || titles[lang] || "";
  f.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
  f.style.width = "100%";
  f.style.border = "0";
  f.style.height = "40rem";
  s.parentNode.insertBefore(f, s.nextSibling);
  w.addEventListener("message", function (e) {
    var m = e.data;
    if (e.origin !== origin || e.source !== f.contentWindow || !m || m.unbundle !== "height") return;
    if (form && m.form !== form) return;
    var h = Number(m.height);
    if (h > 0 && h < 100000) f.style.height = Math.ceil(h) + "px";
  });
})(document, window);
