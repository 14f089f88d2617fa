/* Inside the iframe: tell the parent page how tall the form is, whenever that changes.
   Only a height and the form id are sent, so any parent may read them; embed.js on the
   parent checks that the message comes from this frame's origin. */
(function () {
  var id = {{ spec.id | tojson }};
  var last = 0;
  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last || window.parent === window) return;
    last = h;
    window.parent.postMessage({unbundle: "height", form: id, height: h}, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  send();
})();
