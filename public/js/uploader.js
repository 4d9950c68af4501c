// Sending one file to the server in chunks (POST /api/v1/uploads, then PUT at the offset the
// server holds). A dropped connection costs one chunk: the next try asks how far the server
// got and goes on from there. Progress comes from XMLHttpRequest, which fetch cannot give.

// Where uploads go: the reporters' door, or the staff's (the same uploads behind a session,
// with the CSRF token in `headers()`).
export const kReporterDoor = { base: '/api/v1/uploads', headers: () => ({}) };

// `state` is kept by the caller between tries: {id, size}. Resolves with the finished
// upload ({id, content_type, ...}); rejects with {code, retry} when it cannot go on now.
export async function upload(blob, type, state, onProgress, door = kReporterDoor) {
  let info;
  if (!state.id || state.size !== blob.size) {
    info = await startUpload(type, blob.size, door);
    Object.assign(state, { id: info.id, size: blob.size, chunk: info.chunk_bytes });
  } else {
    const status = await call(door, 'GET', state.id);
    if (status.status === 404) {  // expired or refused earlier: start again
      state.id = null;
      return upload(blob, type, state, onProgress, door);
    }
    if (status.status !== 200) throw failure(status);
    info = status.body;
  }
  while (!info.finished) {
    const from = info.received;
    const chunk = blob.slice(from, Math.min(blob.size, from + (state.chunk || info.chunk_bytes)));
    const sent = await call(door, 'PUT', state.id, chunk, from, (loaded) => onProgress?.((from + loaded) / blob.size));
    if (sent.status === 409) { info = { ...info, received: sent.body.received }; continue; }
    if (sent.status !== 200) throw failure(sent);
    info = sent.body;
    onProgress?.(info.received / blob.size);
  }
  onProgress?.(1);
  return info;
}

async function startUpload(type, size, door) {
  const res = await call(door, 'POST', null, JSON.stringify({ content_type: type, size }));
  if (res.status !== 201) throw failure(res);
  return res.body;
}

export async function cancelUpload(id, door = kReporterDoor) {
  if (id) await call(door, 'DELETE', id);
}

function failure(res) {
  const code = res.body?.error?.code ?? res.body?.errors?.[0]?.code ?? (res.status ? 'http_' + res.status : 'network');
  // A network failure or a busy server is worth another try; a refused file is not.
  return { code, retry: res.status === 0 || res.status === 429 || res.status >= 500 };
}

function call(door, method, id, body = null, offset = 0, onUpload = null) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, door.base + (id ? '/' + id : ''));
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(door.headers())) xhr.setRequestHeader(name, value);
    if (method === 'POST') xhr.setRequestHeader('Content-Type', 'application/json');
    if (method === 'PUT') {
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Upload-Offset', String(offset));
      if (onUpload) xhr.upload.onprogress = (e) => onUpload(e.loaded);
    }
    xhr.timeout = 60000;
    const done = () => {
      let parsed = null;
      try { parsed = JSON.parse(xhr.responseText); } catch { /* empty or not JSON */ }
      resolve({ status: xhr.status, body: parsed });
    };
    xhr.onload = done;
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => resolve({ status: 0, body: null });
    xhr.send(body);
  });
}
