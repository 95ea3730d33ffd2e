// Guided repair on the crew's phone (page /crew/guidance/{number}, rendered on the server without a circuit).
// Completed steps get an id made here and wait in localStorage until the server has them; the queue is posted
// whenever the phone is online (after each step, on the `online` event and on a timer), and the server stores each
// id once, so a replay after a lost answer never doubles a step. Texts come from the page's data-l-* attributes.
const root = document.querySelector('[data-guidance]');
if (root) {
    const d = root.dataset;
    const procedure = JSON.parse(document.getElementById('guidance-procedure').textContent);
    let server = JSON.parse(document.getElementById('guidance-state').textContent);
    const storeKey = `gridcare.guidance.${d.number}`;
    const stored = JSON.parse(localStorage.getItem(storeKey) || 'null');
    const local = stored && stored.procedure === procedure.code ? stored : { procedure: procedure.code, queue: [] };
    const text = (key, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, v), d[key] ?? '');
    const el = (tag, { dataset = {}, ...props } = {}, ...children) => {
        const node = Object.assign(document.createElement(tag), props);
        Object.assign(node.dataset, dataset);
        for (const child of children) node.append(child);
        return node;
    };
    const stepOf = id => procedure.steps.find(s => s.id === id);
    const save = () => localStorage.setItem(storeKey, JSON.stringify(local));
    let draft = { photoIds: [] };
    let syncing = false;
    let rejected = null;

    const newId = () => {
        if (crypto.randomUUID) return crypto.randomUUID();
        const b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    };

    // The server's steps and this phone's queued ones, in the crew's order.
    const allSteps = () => {
        const byId = new Map(server.steps.map(s => [s.clientId, { ...s, synced: true }]));
        for (const q of local.queue) if (!byId.has(q.clientId)) byId.set(q.clientId, { ...q, synced: false });
        return [...byId.values()].sort((a, b) => a.sequence - b.sequence);
    };

    const nextAfter = (id, answer) => {
        const step = stepOf(id);
        const target = step.kind === 'decision' ? (answer ? step.yes : step.no) : step.next;
        if (target) return target === 'end' ? null : target;
        const i = procedure.steps.indexOf(step);
        return i + 1 < procedure.steps.length ? procedure.steps[i + 1].id : null;
    };

    const currentId = () => {
        const steps = allSteps();
        return steps.length === 0 ? procedure.steps[0].id : nextAfter(steps.at(-1).stepId, steps.at(-1).answer);
    };

    const limits = m => m.lower != null && m.upper != null ? `${m.lower}–${m.upper} ${m.unit}`
        : m.lower != null ? `≥ ${m.lower} ${m.unit}` : m.upper != null ? `≤ ${m.upper} ${m.unit}` : '';
    const outOfLimit = (m, v) => (m.lower != null && v < m.lower) || (m.upper != null && v > m.upper);

    function complete(answer) {
        const step = stepOf(currentId());
        const section = root.querySelector('[data-testid=guidance-step]');
        const readings = step.measurements.map(m => ({ measurement: m.id, value: parseFloat(section.querySelector(`[data-measurement="${m.id}"]`).value) }));
        if (readings.some(r => !Number.isFinite(r.value)) || draft.photoIds.length < step.photos) {
            section.querySelector('.gg-error').textContent = d.lRequired;
            return;
        }
        const note = section.querySelector('textarea').value.trim();
        local.queue.push({
            clientId: newId(), sequence: allSteps().length + 1, stepId: step.id, completedAt: new Date().toISOString(),
            answer: step.kind === 'decision' ? answer : null, readings, photoIds: draft.photoIds, note: note || null, title: step.title,
        });
        save();
        draft = { photoIds: [] };
        render();
        sync();
    }

    async function upload(input, step, counter, error) {
        const file = input.files[0];
        if (!file) return;
        if (!navigator.onLine) { error.textContent = d.lPhotoOffline; return; }
        const form = new FormData();
        form.append('file', file);
        try {
            const response = await fetch(d.attachments, { method: 'POST', body: form, credentials: 'same-origin' });
            const body = await response.json();
            if (!response.ok) { error.textContent = text('lPhotoFailed', body.detail ?? response.status); return; }
            draft.photoIds.push(body.id);
            counter.textContent = text('lPhotos', draft.photoIds.length, step.photos);
            error.textContent = '';
        } catch {
            error.textContent = d.lPhotoOffline;
        }
        input.value = '';
    }

    function renderStep() {
        const section = root.querySelector('[data-testid=guidance-step]');
        section.replaceChildren();
        delete section.dataset.step;
        const id = currentId();
        if (!id) {
            section.append(el('p', { className: 'gg-finished', textContent: d.lFinished, dataset: { testid: 'guidance-finished' } }));
            return;
        }
        const step = stepOf(id);
        section.dataset.step = step.id;
        section.append(
            el('p', { className: `gg-kind gg-kind-${step.kind}`, textContent: `${text('lStep', allSteps().length + 1)} · ${d['lKind' + step.kind[0].toUpperCase() + step.kind.slice(1)]}` }),
            el('h2', { textContent: step.title, dataset: { testid: 'step-title' } }),
            el('p', { textContent: step.text }));
        for (const m of step.measurements) {
            const flag = el('span', { className: 'gg-flag', dataset: { testid: `reading-flag-${m.id}` } });
            const input = el('input', { type: 'number', step: 'any', inputMode: 'decimal', className: 'gg-input', dataset: { measurement: m.id, testid: `reading-${m.id}` } });
            input.addEventListener('input', () => {
                const bad = input.value !== '' && outOfLimit(m, parseFloat(input.value));
                flag.textContent = bad ? d.lOutOfLimit : '';
                input.classList.toggle('gg-out', bad);
            });
            section.append(el('label', { className: 'gg-reading' }, `${m.name} (${m.unit})`, input,
                el('small', { textContent: text('lLimits', limits(m)) }), flag));
        }
        const error = el('p', { className: 'gg-error', role: 'alert' });
        if (step.photos > 0) {
            const counter = el('span', { textContent: text('lPhotos', draft.photoIds.length, step.photos), dataset: { testid: 'photo-count' } });
            const input = el('input', { type: 'file', accept: 'image/*', dataset: { testid: 'step-photo' } });
            input.setAttribute('capture', 'environment');
            input.addEventListener('change', () => upload(input, step, counter, error));
            section.append(el('label', { className: 'gg-photo' }, counter, input));
        }
        section.append(el('textarea', { className: 'gg-input', rows: 2, placeholder: d.lNote, dataset: { testid: 'step-note' } }));
        if (step.kind === 'decision') {
            section.append(el('p', { className: 'gg-question', textContent: step.question }),
                el('div', { className: 'gg-actions' },
                    button(d.lYes, 'answer-yes', () => complete(true)), button(d.lNo, 'answer-no', () => complete(false))));
        } else {
            section.append(el('div', { className: 'gg-actions' }, button(step.kind === 'safety' ? d.lConfirm : d.lComplete, 'step-complete', () => complete(null))));
        }
        section.append(error);
    }

    function button(label, testid, onClick) {
        const b = el('button', { type: 'button', className: 'gg-button', textContent: label, dataset: { testid } });
        b.addEventListener('click', onClick);
        return b;
    }

    function renderDone() {
        const list = root.querySelector('[data-testid=guidance-done]');
        list.replaceChildren(...allSteps().map(s => {
            const readings = (s.readings ?? []).map(r => {
                const spec = stepOf(s.stepId)?.measurements.find(m => m.id === (r.measurementId ?? r.measurement));
                const bad = r.outOfLimit ?? (spec ? outOfLimit(spec, r.value) : false);
                return `${spec?.name ?? r.measurementId} ${r.value} ${spec?.unit ?? r.unit}${bad ? ' ⚠ ' + d.lOutOfLimit : ''}`;
            });
            const answer = s.answer == null ? '' : ` — ${s.answer ? d.lYes : d.lNo}`;
            return el('li', {
                className: s.synced ? 'gg-synced' : 'gg-queued',
                textContent: `${stepOf(s.stepId)?.title ?? s.stepId}${answer}${readings.length ? ' · ' + readings.join('; ') : ''}${s.synced ? ' ✓' : ' ⏳ ' + d.lQueued}`,
                dataset: { testid: 'done-step', step: s.stepId, synced: String(s.synced), clientId: s.clientId },
            });
        }));
    }

    function renderMessages() {
        const list = root.querySelector('[data-testid=guidance-messages]');
        const time = iso => new Date(iso).toLocaleString(document.documentElement.lang, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
        list.replaceChildren(...server.messages.map(m => el('li', { textContent: `${time(m.sentAt)} ${m.author}：${m.text}`, dataset: { testid: 'guidance-message' } })));
    }

    function renderStatus(online) {
        const n = local.queue.length;
        const status = root.querySelector('[data-testid=guidance-sync]');
        status.textContent = rejected ?? (!online ? text('lOffline', n) : n > 0 ? text('lPending', n) : d.lSynced);
        status.dataset.state = !online ? 'offline' : n > 0 ? 'pending' : 'synced';
    }

    function render() {
        renderStep();
        renderDone();
        renderMessages();
        renderStatus(navigator.onLine);
    }

    let again = false;
    async function sync() {
        if (syncing) {
            again = true;
            return;
        }
        syncing = true;
        again = false;
        let online = true;
        try {
            if (local.queue.length > 0) {
                const steps = local.queue.map(({ title, ...step }) => step);
                const response = await fetch(`${d.api}/steps`, {
                    method: 'POST', credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                    body: JSON.stringify({ procedure: procedure.code, steps }),
                });
                if (response.ok) {
                    const body = await response.json();
                    const acked = new Set([...body.stored, ...body.alreadyStored]);
                    // Kept in view as the server's until the refresh below brings them: out of both lists meanwhile, a
                    // step completed in that moment was taken for the one just sent (a decision without its answer).
                    const known = new Set(server.steps.map(s => s.clientId));
                    server.steps = [...server.steps, ...local.queue.filter(q => acked.has(q.clientId) && !known.has(q.clientId))];
                    local.queue = local.queue.filter(q => !acked.has(q.clientId));
                    rejected = null;
                } else if (response.status === 400 || response.status === 409) {
                    // Never accepted however often it is sent: keep the reason on screen, drop the queue.
                    const problem = await response.json().catch(() => ({}));
                    rejected = text('lRejected', problem.detail ?? JSON.stringify(problem.errors ?? {}));
                    local.queue = [];
                }
                save();
            }
            const response = await fetch(d.api, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (response.ok) server = await response.json();
        } catch {
            online = false;
        } finally {
            syncing = false;
        }
        renderDone();
        renderMessages();
        renderStatus(online && navigator.onLine);
        if (again) sync();
    }

    window.addEventListener('online', sync);
    window.addEventListener('offline', () => renderStatus(false));
    setInterval(sync, Number(d.pollMs) || 5000);
    render();
    sync();
}
