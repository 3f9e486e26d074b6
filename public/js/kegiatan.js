// Kegiatan baru: uploads each chosen photo at once, with its own progress bar and a retry, and keeps
// the text the person typed whatever the network does. Without this script the photos are sent with
// the form instead.
(function () {
  'use strict';
  var form = document.querySelector('form.quick-post');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var input = form.querySelector('input[type=file][name=photos]');
  var list = form.querySelector('.upload-list');
  var altInput = form.querySelector('input[name=alt]');
  var submitButtons = form.querySelectorAll('button[type=submit]');
  var pending = 0;

  function setBusy(delta) {
    pending += delta;
    for (var i = 0; i < submitButtons.length; i++) submitButtons[i].disabled = pending > 0;
  }

  function upload(file, item) {
    var bar = item.querySelector('progress');
    var status = item.querySelector('.upload-list__status');
    var data = new FormData();
    data.append('_csrf', form.querySelector('input[name=_csrf]').value);
    data.append('alt', altInput ? altInput.value : '');
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-upload-url'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    };
    xhr.onload = function () {
      setBusy(-1);
      var body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body && body.id) {
        bar.value = 100;
        status.textContent = 'Terunggah' + (body.warnings_text ? ' — ' + body.warnings_text : '');
        var hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = 'gallery_media_ids';
        hidden.value = body.id;
        item.appendChild(hidden);
      } else {
        fail(file, item, body && body.error ? body.error.message : 'Gagal mengunggah.');
      }
    };
    xhr.onerror = function () {
      setBusy(-1);
      fail(file, item, 'Koneksi terputus.');
    };
    setBusy(1);
    status.textContent = 'Mengunggah…';
    xhr.send(data);
  }

  function fail(file, item, message) {
    var status = item.querySelector('.upload-list__status');
    status.textContent = message + ' ';
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'button button--secondary';
    retry.textContent = 'Coba lagi';
    retry.addEventListener('click', function () {
      retry.remove();
      upload(file, item);
    });
    status.appendChild(retry);
  }

  input.addEventListener('change', function () {
    for (var i = 0; i < input.files.length; i++) {
      var file = input.files[i];
      var item = document.createElement('li');
      item.className = 'upload-list__item';
      var name = document.createElement('span');
      name.textContent = file.name;
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', 'Kemajuan unggah ' + file.name);
      var status = document.createElement('span');
      status.className = 'upload-list__status';
      item.appendChild(name);
      item.appendChild(bar);
      item.appendChild(status);
      list.appendChild(item);
      upload(file, item);
    }
    // The photos are on their way already; the form itself then carries only text and photo ids.
    input.value = '';
  });
})();
