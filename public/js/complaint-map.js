// Aduan: the optional map pin. The two coordinate fields are the pin: a tap on the map (or "Tandai
// tengah peta") writes them, typing in them moves the marker, "Hapus titik" empties them, and the
// form posts them as it would without this script. Leaflet (self-hosted in /aset/vendor/) and the
// tiles are fetched only when the person opens "Titik di peta", so a phone that never opens it
// downloads none of it. Settings come from data attributes: the CSP allows no inline script.
(function () {
  'use strict';
  var box = document.querySelector('details.aduan-pin');
  var el = box && box.querySelector('.aduan-map');
  var latField = document.getElementById('f-lat');
  var lngField = document.getElementById('f-lng');
  if (!el || !latField || !lngField) return;
  var actions = box.querySelector('.aduan-pin__actions');
  var mapHint = box.querySelector('.aduan-pin__map-hint');
  var status = box.querySelector('.aduan-pin__status');
  var data = function (name) {
    return el.getAttribute('data-' + name) || '';
  };
  var loading = null;
  var map = null;
  var marker = null;
  var icon = null;

  function say(text) {
    if (status) status.textContent = text;
  }

  // The same reading as the server's: a point or a comma, a sign, spaces around.
  function coordinate(value, max) {
    var text = String(value || '')
      .trim()
      .replace(/^\u2212/, '-')
      .replace(',', '.');
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return null;
    var n = Number(text);
    return Math.abs(n) <= max ? n : null;
  }

  function typed() {
    var lat = coordinate(latField.value, 90);
    var lng = coordinate(lngField.value, 180);
    return lat === null || lng === null ? null : [lat, lng];
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function attribution() {
    var text = escape(data('attribution'));
    var url = data('attribution-url');
    return url ? '<a href="' + escape(url) + '">' + text + '</a>' : text;
  }

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      for (var name in attrs) node.setAttribute(name, attrs[name]);
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  function show(latlng) {
    if (marker) {
      marker.setLatLng(latlng);
      return;
    }
    marker = window.L.marker(latlng, {
      icon: icon,
      draggable: true,
      autoPanOnFocus: true,
      alt: 'Titik tempat kejadian',
      title: 'Titik tempat kejadian',
    }).addTo(map);
    marker.on('dragend', function () {
      place(marker.getLatLng());
    });
  }

  function place(latlng) {
    var at = latlng.wrap();
    latField.value = at.lat.toFixed(6);
    lngField.value = at.lng.toFixed(6);
    show(at);
    say('Titik ditandai: garis lintang ' + latField.value + ', garis bujur ' + lngField.value + '.');
  }

  function clear() {
    latField.value = '';
    lngField.value = '';
    if (marker) marker.remove();
    marker = null;
    say('Titik dihapus.');
  }

  // The fields lead: a complete, valid pair moves the marker there; two empty fields remove it.
  function follow() {
    if (!map) return;
    var at = typed();
    if (at) {
      show(at);
      map.panTo(at, { animate: false });
    } else if (!latField.value.trim() && !lngField.value.trim() && marker) {
      marker.remove();
      marker = null;
    }
  }

  function init() {
    var L = window.L;
    var centre = data('center').split(',').map(Number);
    var at = typed();
    el.hidden = false;
    map = L.map(el, {
      center: at || centre,
      zoom: at ? 17 : Number(data('zoom')) || 13,
      zoomControl: false,
    });
    L.control.zoom({ zoomInTitle: 'Perbesar', zoomOutTitle: 'Perkecil' }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(data('tiles'), { attribution: attribution(), maxZoom: 19 }).addTo(map);
    icon = L.icon({
      iconUrl: data('icon'),
      iconRetinaUrl: data('icon-2x'),
      shadowUrl: data('shadow'),
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      shadowSize: [41, 41],
    });
    if (at) show(at);
    map.on('click', function (event) {
      place(event.latlng);
    });
    if (actions) actions.hidden = false;
    if (mapHint) mapHint.hidden = false;
    say('');
  }

  function start() {
    if (map) {
      map.invalidateSize();
      return;
    }
    if (loading) return;
    say('Memuat peta…');
    loading = Promise.all([
      window.L ? null : load('script', { src: data('leaflet-js') }),
      load('link', { rel: 'stylesheet', href: data('leaflet-css') }),
    ]).then(init, function () {
      loading = null;
      say(
        'Peta tidak dapat dimuat. Anda tetap dapat mengisi garis lintang dan garis bujur, atau melewatinya.',
      );
    });
  }

  box.addEventListener('toggle', function () {
    if (box.open) start();
  });
  if (box.open) start();
  latField.addEventListener('input', follow);
  lngField.addEventListener('input', follow);
  if (actions)
    actions.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('button[data-pin]');
      if (!button || !map) return;
      if (button.getAttribute('data-pin') === 'clear') clear();
      else place(map.getCenter());
    });
})();
