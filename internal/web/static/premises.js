// Draws the maps of licensed premises and of markets: each element with
// data-premises
// becomes a Leaflet map of the GeoJSON points at that URL over the
// province's and commune's outlines (data-outlines), each point named on
// hover and opening its licence on a click. Names are given to Leaflet as
// text nodes, never as HTML.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof L === "undefined") return;
  document.querySelectorAll("[data-premises]").forEach(function (el) {
    var map = L.map(el, { preferCanvas: true, maxZoom: 18 }).setView([16.2, 106.3], 5);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      var credit = document.createElement("div");
      credit.textContent = el.getAttribute("data-attribution") || "";
      L.tileLayer(tiles, { maxZoom: 18, attribution: credit.innerHTML }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);
    var unit = el.getAttribute("data-unit");
    var unitBounds = null;
    var outlines = el.getAttribute("data-outlines");
    var ready = outlines ? fetch(outlines).then(function (r) { return r.ok ? r.json() : null; }).then(function (fc) {
      if (!fc) return;
      L.geoJSON(fc, {
        interactive: false,
        style: function (f) {
          var mine = f.properties.code === unit;
          return f.properties.level === "commune" ?
            { color: mine ? "#1f5fa8" : "#9aa3ad", weight: mine ? 2 : 0.6, dashArray: mine ? null : "2 3", fill: false } :
            { color: "#6b7785", weight: 1, fillColor: "#f3efe6", fillOpacity: tiles ? 0 : 1 };
        },
        onEachFeature: function (f, l) { if (f.properties.code === unit) unitBounds = l.getBounds(); }
      }).addTo(map);
      var d = document.createElement("div");
      d.textContent = fc.attribution || "";
      map.attributionControl.addAttribution(d.innerHTML);
    }).catch(function () {}) : Promise.resolve();
    ready.then(function () {
      return fetch(el.getAttribute("data-premises"), { headers: { Accept: "application/geo+json" } });
    }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); }).then(function (fc) {
      var points = L.featureGroup();
      fc.features.forEach(function (f) {
        var p = f.properties;
        var c = f.geometry.coordinates;
        var m = L.circleMarker([c[1], c[0]], { radius: 6, color: "#1d7a3a", weight: 2, fillOpacity: 0.5 });
        // A licensed shop (kind, number, holder) or a market (its
        // OpenStreetMap name and address).
        var tip = document.createElement("span");
        tip.textContent = p.kind_name ? (p.shop_name || p.holder_name) + " · " + p.kind_name : p.name;
        m.bindTooltip(tip);
        var box = document.createElement("div");
        // data-link="" draws the name without a link (no page of its own).
        var link = el.hasAttribute("data-link") ? el.getAttribute("data-link") : "/licences/";
        var a = document.createElement(link ? "a" : "strong");
        if (link) a.href = link + p.id;
        a.textContent = p.kind_name ? p.kind_name + " " + p.number : p.name;
        var who = document.createElement("p");
        who.textContent = p.kind_name ? p.holder_name + (p.shop_name ? " — " + p.shop_name : "") + ", " + p.address : (p["addr:full"] || "");
        box.appendChild(a);
        box.appendChild(who);
        m.bindPopup(box);
        points.addLayer(m);
      });
      points.addTo(map);
      var b = points.getBounds();
      if (b.isValid()) {
        map.fitBounds(b, { maxZoom: 16, padding: [20, 20] });
      } else if (unitBounds) {
        map.fitBounds(unitBounds);
      }
      el.setAttribute("data-drawn", String(fc.features.length));
    }).catch(function (e) {
      el.setAttribute("data-drawn", "error");
      el.setAttribute("data-error", String(e));
    });
  });
});
