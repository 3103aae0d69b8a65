// Browser side of the Fabric dashboard: image uploads with progress. Consoles live in consoles.js.
window.fabricDashboard = {
  // Posts the chosen file to the REST upload endpoint and reports progress to the Blazor page.
  uploadImage(inputSelector, url, page) {
    // MudFileUpload keeps each earlier <input> (hidden) and adds a fresh one after every choice, so
    // the file the operator chose last is in the last input that holds one, not the first.
    const inputs = [...document.querySelectorAll(`input${inputSelector}, ${inputSelector} input[type=file]`)]
      .filter(i => i.files && i.files.length > 0);
    const file = inputs.length > 0 ? inputs[inputs.length - 1].files[0] : null;
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
