// Browser side of the Fabric dashboard: image uploads with progress. Consoles live in consoles.js.
window.fabricDashboard = {
  // Posts the chosen file to the REST upload endpoint and reports progress to the Blazor page.
  uploadImage(inputSelector, url, page) {
    const input = document.querySelector(`input${inputSelector}, ${inputSelector} input[type=file]`);
    const file = input && input.files && input.files[0];
    if (!file) {
      page.invokeMethodAsync('UploadFinished', 0, 'no file chosen');
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = e => {
      if (e.lengthComputable) page.invokeMethodAsync('UploadProgress', e.loaded / e.total * 100);
    };
    xhr.onload = () => page.invokeMethodAsync('UploadFinished', xhr.status, xhr.responseText || '');
    xhr.onerror = () => page.invokeMethodAsync('UploadFinished', 0, '');
    xhr.send(file);
  },
};
