// Draws the investor maps: each element with data-geojson becomes a Leaflet
// map of the features at that URL (the same filters as the page, so a
// shared link shows the same sites). Without a tile source the sites are
// drawn on a plain background, which works offline. Leaflet inserts any
// string it is given as HTML, so tooltips, popups and the attribution are
// given elements or escaped text, never a name as it was typed.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof L === "undefined") return;
  document.querySelectorAll("[data-geojson]").forEach(function (el) {
    var map = L.map(el, { preferCanvas: true }).setView([16.2, 106.3], 5);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: escapeHTML(el.getAttribute("data-attribution") || "") }).addTo(map);
    } else {
      el.classList.add("offline");
    }
    var en = el.getAttribute("data-lang") === "en";
    var freeLabel = el.getAttribute("data-free-label") || "";
    fetch(el.getAttribute("data-geojson"), { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (fc) {
        var layer = L.geoJSON(fc, {
          style: function (f) {
            var park = f.properties.kind === "park";
            return { color: park ? "#1f5fa8" : "#b03a2e", weight: 2, fillOpacity: 0.35 };
          },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 7 }); },
          onEachFeature: function (f, l) {
            var p = f.properties;
            var box = document.createElement("div");
            var a = document.createElement("a");
            a.href = "/parks/" + encodeURIComponent(p.code);
            a.textContent = en && p.name_en ? p.name_en : p.name_vi;
            a.className = "map-link";
            box.appendChild(a);
            var free = document.createElement("div");
            free.textContent = freeLabel + ": " + p.free_ha + " ha";
            box.appendChild(free);
            l.bindPopup(box);
            var tip = document.createElement("span");
            tip.textContent = a.textContent;
            l.bindTooltip(tip);
          }
        }).addTo(map);
        var n = layer.getLayers().length;
        if (n) map.fitBounds(layer.getBounds(), { maxZoom: 14, padding: [20, 20] });
        el.setAttribute("data-drawn", String(n));
      })
      .catch(function () { el.setAttribute("data-drawn", "error"); });
  });
});

function escapeHTML(s) {
  var d = document.createElement("div");
  d.textContent = s;
  return d.innerHTML;
}
