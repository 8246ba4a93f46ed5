// Draws the investor maps: each element with data-geojson becomes a Leaflet
// map of the features at that URL (the same filters as the page, so a
// shared link shows the same sites), over the provinces' outlines
// (data-outlines), with a legend, a scale bar, and the sites grouped into
// numbered clusters when zoomed out. Without a tile source the map works
// offline on the outlines alone. Leaflet inserts any string it is given as
// HTML, so tooltips, popups, the legend and the attribution are given
// elements or escaped text, never a name as it was typed.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof L === "undefined") return;
  var colours = { park: "#1f5fa8", cluster: "#b03a2e" };
  document.querySelectorAll("[data-geojson]").forEach(function (el) {
    var map = L.map(el, { preferCanvas: true, maxZoom: 18 }).setView([16.2, 106.3], 5);
    el._leafletMap = map;
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: escapeHTML(el.getAttribute("data-attribution") || "") }).addTo(map);
    } else {
      el.classList.add("offline");
    }
    L.control.scale({ imperial: false }).addTo(map);
    legend(el).addTo(map);
    var outlines = el.getAttribute("data-outlines");
    var ready = outlines ? fetch(outlines).then(function (r) { return r.ok ? r.json() : null; }).then(function (fc) {
      if (!fc) return;
      // Provinces are land on an offline map; communes (when a
      // department loaded them) are thin lines within.
      L.geoJSON(fc, {
        interactive: false,
        style: function (f) {
          return f.properties.level === "commune" ?
            { color: "#9aa3ad", weight: 0.6, dashArray: "2 3", fill: false } :
            { color: "#6b7785", weight: 1, fillColor: "#f3efe6", fillOpacity: tiles ? 0 : 1 };
        }
      }).addTo(map);
      // Names of the provinces from zoom 7 and of the communes from zoom
      // 11, at the middle of each unit's extent, so that a reader knows
      // where a site is without tiles.
      var provinceLabels = L.layerGroup(), communeLabels = L.layerGroup();
      fc.features.forEach(function (f) {
        var b = L.geoJSON(f).getBounds();
        if (!b.isValid() || !f.properties.name) return;
        var commune = f.properties.level === "commune";
        L.marker(b.getCenter(), {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: commune ? "area-label commune" : "area-label", html: "<span>" + escapeHTML(f.properties.name) + "</span>", iconSize: null })
        }).addTo(commune ? communeLabels : provinceLabels);
      });
      var showLabels = function () {
        var z = map.getZoom();
        [[provinceLabels, z >= 7], [communeLabels, z >= 11]].forEach(function (l) {
          if (l[1] && !map.hasLayer(l[0])) l[0].addTo(map);
          if (!l[1] && map.hasLayer(l[0])) map.removeLayer(l[0]);
        });
      };
      map.on("zoomend", showLabels);
      showLabels();
      map.attributionControl.addAttribution(escapeHTML(fc.attribution || el.getAttribute("data-outline-credit") || ""));
      el.setAttribute("data-outlines-drawn", String(fc.features.length));
    }).catch(function () {}) : Promise.resolve();
    var en = el.getAttribute("data-lang") === "en";
    var freeLabel = el.getAttribute("data-free-label") || "";
    ready.then(function () {
      return fetch(el.getAttribute("data-geojson"), { credentials: "same-origin", headers: { Accept: "application/geo+json" } });
    })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (fc) {
        // Each site is a point in a clustering group; its outline, when it
        // has one, shows once the map is close enough to see it.
        var points = typeof L.markerClusterGroup === "function" && fc.features.length > 1 ?
          L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 }) : L.featureGroup();
        var shapes = L.featureGroup();
        var bounds = L.latLngBounds([]);
        // On a site's page the site is the focus, drawn above its
        // neighbours (the province's other sites, fainter and clustered).
        var focus = el.getAttribute("data-focus");
        var focusBounds = null, focusMarker = null;
        fc.features.forEach(function (f) {
          var p = f.properties;
          var faint = focus && p.code !== focus;
          var style = function (g) { return styleOf(g, faint); };
          var layer = L.geoJSON(f, { style: style });
          var b = layer.getBounds();
          if (!b.isValid()) return;
          bounds.extend(b);
          var marker = L.circleMarker(b.getCenter(), Object.assign({ radius: faint ? 5 : 7 }, style(f)));
          describe(marker, p);
          if (focus && !faint) {
            focusBounds = b;
            focusMarker = marker;
          } else {
            points.addLayer(marker);
          }
          if (f.geometry.type !== "Point") {
            layer.eachLayer(function (l) { describe(l, p); });
            shapes.addLayer(layer);
          }
        });
        points.addTo(map);
        // Added last, the focus is drawn above its neighbours.
        if (focusMarker) focusMarker.addTo(map);
        var showShapes = function () {
          if (map.getZoom() >= 12) { shapes.addTo(map); } else { shapes.remove(); }
        };
        map.on("zoomend", showShapes);
        var n = fc.features.length;
        if (focusBounds) {
          map.fitBounds(focusBounds, { maxZoom: 14, padding: [20, 20] });
          el.setAttribute("data-focus-drawn", "1");
        } else if (bounds.isValid()) {
          map.fitBounds(bounds, { maxZoom: 14, padding: [20, 20] });
        }
        showShapes();
        el.setAttribute("data-drawn", String(n));
        drawPlots();
      })
      .catch(function (e) {
        el.setAttribute("data-drawn", "error");
        el.setAttribute("data-error", String(e));
      });

    // drawPlots draws a site's plots (data-plots) coloured by status: free
    // green, held amber, leased grey, each named on hover.
    function drawPlots() {
      var url = el.getAttribute("data-plots");
      if (!url) return;
      var labels = (el.getAttribute("data-plot-labels") || "||").split("|");
      var look = { vacant: ["#1d7a3a", labels[0]], reserved: ["#b7791f", labels[1]], leased: ["#6b7785", labels[2]] };
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (fc) {
          L.geoJSON(fc, {
            style: function (f) { var l = look[f.properties.status] || look.leased; return { color: l[0], weight: 1, fillOpacity: 0.45 }; },
            onEachFeature: function (f, l) {
              var tip = document.createElement("span");
              tip.textContent = f.properties.code + " · " + f.properties.area_ha + " ha · " + ((look[f.properties.status] || [])[1] || "");
              l.bindTooltip(tip);
            }
          }).addTo(map);
          el.setAttribute("data-plots-drawn", String(fc.features.length));
        }).catch(function () { el.setAttribute("data-plots-drawn", "error"); });
    }

    function styleOf(f, faint) {
      var p = f.properties;
      return {
        color: colours[p.kind] || colours.park, weight: faint ? 1 : 2, opacity: faint ? 0.5 : 1, fillOpacity: faint ? 0.15 : 0.35,
        dashArray: p.status === "planned" ? "4 4" : null
      };
    }

    function describe(l, p) {
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
  });

  // legend names the colours and the dashed outline, in the page's words.
  function legend(el) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "map-legend");
      [["park", colours.park, ""], ["cluster", colours.cluster, ""], ["planned", "#555", "4 4"]].forEach(function (item) {
        var row = document.createElement("div");
        var key = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        key.setAttribute("width", "18");
        key.setAttribute("height", "12");
        key.setAttribute("aria-hidden", "true");
        var rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        rect.setAttribute("x", "1"); rect.setAttribute("y", "1"); rect.setAttribute("width", "16"); rect.setAttribute("height", "10");
        rect.setAttribute("fill", item[0] === "planned" ? "none" : item[1]);
        rect.setAttribute("fill-opacity", "0.35");
        rect.setAttribute("stroke", item[1]);
        rect.setAttribute("stroke-width", "2");
        if (item[2]) rect.setAttribute("stroke-dasharray", item[2]);
        key.appendChild(rect);
        row.appendChild(key);
        row.appendChild(document.createTextNode(" " + (el.getAttribute("data-legend-" + item[0]) || "")));
        box.appendChild(row);
      });
      layerToggles(el, box);
      return box;
    };
    return control;
  }

  // layerToggles adds to the legend a box per layer other modules offer
  // (data-layers: markets, stores), off at first; a layer's points are
  // fetched the first time it is ticked, each named on hover and linked
  // to its page when it has one.
  function layerToggles(el, box) {
    var layers;
    try { layers = JSON.parse(el.getAttribute("data-layers") || "[]"); } catch (e) { layers = []; }
    if (!layers.length) return;
    L.DomEvent.disableClickPropagation(box);
    var set = document.createElement("fieldset");
    set.className = "map-layers";
    var caption = document.createElement("legend");
    caption.textContent = el.getAttribute("data-layers-label") || "";
    set.appendChild(caption);
    layers.forEach(function (layer) {
      var label = document.createElement("label");
      var tick = document.createElement("input");
      tick.type = "checkbox";
      tick.name = "layer-" + layer.key;
      var dot = document.createElement("span");
      dot.className = "layer-dot";
      dot.style.background = layer.colour;
      dot.setAttribute("aria-hidden", "true");
      label.appendChild(tick);
      label.appendChild(dot);
      label.appendChild(document.createTextNode(layer.label));
      set.appendChild(label);
      var group = null;
      tick.addEventListener("change", function () {
        var map = el._leafletMap;
        if (!map) return;
        if (!tick.checked) { if (group) map.removeLayer(group); return; }
        if (group) { group.addTo(map); return; }
        group = L.featureGroup().addTo(map);
        fetch(layer.url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
          .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
          .then(function (fc) {
            fc.features.forEach(function (f) {
              if (!f.geometry || f.geometry.type !== "Point") return;
              var c = f.geometry.coordinates;
              var m = L.circleMarker([c[1], c[0]], { radius: 5, color: "#fff", weight: 1, fillColor: layer.colour, fillOpacity: 0.9 });
              var name = document.createElement(layer.link ? "a" : "span");
              name.textContent = f.properties.name || "";
              if (layer.link) { name.href = layer.link + encodeURIComponent(f.properties.id); name.className = "map-link"; }
              m.bindPopup(name);
              var tip = document.createElement("span");
              tip.textContent = f.properties.name || "";
              m.bindTooltip(tip);
              group.addLayer(m);
            });
            el.setAttribute("data-layer-" + layer.key, String(fc.features.length));
          })
          .catch(function () {
            // Ticked again, the layer is fetched again.
            map.removeLayer(group);
            group = null;
            el.setAttribute("data-layer-" + layer.key, "error");
          });
      });
    });
    box.appendChild(set);
  }
});

function escapeHTML(s) {
  var d = document.createElement("div");
  d.textContent = s;
  return d.innerHTML;
}
