// One template in one language: subject, HTML and plain text, the values it may use, and a
// live preview rendered by the server with sample values (the HTML in a sandboxed frame
// where nothing runs). Save stores the administrator's text; reset brings Parley's back.
import { ref, reactive, computed, watch, onMounted, onBeforeUnmount } from 'vue';
import { t, LANGUAGES } from '../../../shared/js/i18n.js';
import { get, put, post, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { fieldErrors } from './fieldErrors.js';
import { templateName } from './TemplatesTab.js';

const PREVIEW_DELAY_MS = 350;

export default {
  name: 'TemplateEditor',
  components: { ProblemMessage, ModalDialog },
  props: {
    templateKey: { type: String, required: true },
    language: { type: String, required: true },
  },
  emits: ['close', 'language'],
  setup(props, { emit }) {
    const detail = ref(null);
    const form = reactive({ subject: '', html: '', text: '' });
    const saved = ref({ subject: '', html: '', text: '' });
    const errors = ref({});
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);
    const preview = ref(null);
    const previewing = ref(false);
    const confirming = ref(null);
    const fields = { subject: ref(null), html: ref(null), text: ref(null) };
    let lastField = 'html';
    let timer = null;
    let previewRun = 0;

    const dirty = computed(() => ['subject', 'html', 'text'].some((name) => form[name] !== saved.value[name]));

    function take(loaded) {
      detail.value = loaded;
      Object.assign(form, loaded.texts);
      saved.value = { ...loaded.texts };
    }

    async function load() {
      problem.value = null;
      errors.value = {};
      notice.value = '';
      try {
        take(await get('/api/v1/notification-templates/' + encodeURIComponent(props.templateKey) + '/'
          + encodeURIComponent(props.language)));
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function renderPreview() {
      const run = ++previewRun;
      previewing.value = true;
      try {
        const rendered = await post(path() + '/preview', { ...form });
        if (run !== previewRun) return;
        preview.value = rendered;
        errors.value = {};
      } catch (failure) {
        if (run !== previewRun) return;
        errors.value = fieldErrors(failure);
        if (!Object.keys(errors.value).length) problem.value = failure;
      } finally {
        if (run === previewRun) previewing.value = false;
      }
    }

    function path() {
      return '/api/v1/notification-templates/' + encodeURIComponent(props.templateKey) + '/'
        + encodeURIComponent(props.language);
    }

    watch(form, () => {
      clearTimeout(timer);
      timer = setTimeout(renderPreview, PREVIEW_DELAY_MS);
    });
    watch(() => props.language, load);
    onMounted(load);
    onBeforeUnmount(() => clearTimeout(timer));

    async function save() {
      problem.value = null;
      notice.value = '';
      busy.value = true;
      try {
        take(await put(path(), { ...form }));
        errors.value = {};
        notice.value = 'templates.saved';
      } catch (failure) {
        errors.value = fieldErrors(failure);
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function reset() {
      confirming.value = null;
      problem.value = null;
      busy.value = true;
      try {
        take(await del(path()));
        notice.value = 'templates.resetDone';
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    /** Leaves the editor, or switches language, asking first when there are unsaved changes. */
    function leave(action) {
      if (!dirty.value) {
        action();
        return;
      }
      confirming.value = { kind: 'discard', action };
    }

    function chooseLanguage(language) {
      if (language !== props.language) leave(() => emit('language', language));
    }

    function discard() {
      const action = confirming.value.action;
      confirming.value = null;
      action();
    }

    function placeholder(name) {
      return '{' + '{' + name + '}' + '}';
    }

    function focusField(name) {
      lastField = name;
    }

    /** Puts {{value}} where the cursor was in the last field written in. */
    function insert(name) {
      const element = fields[lastField].value;
      const snippet = '{{' + name + '}}';
      const current = form[lastField] || '';
      const start = element ? element.selectionStart : current.length;
      const end = element ? element.selectionEnd : current.length;
      form[lastField] = current.slice(0, start) + snippet + current.slice(end);
      if (element) {
        requestAnimationFrame(() => {
          element.focus();
          element.setSelectionRange(start + snippet.length, start + snippet.length);
        });
      }
    }

    return { detail, form, errors, problem, notice, busy, preview, previewing, confirming, dirty,
      subjectField: fields.subject, htmlField: fields.html, textField: fields.text, languages: LANGUAGES,
      save, reset, leave, discard, placeholder, chooseLanguage, focusField, insert, templateName, t, emit };
  },
  template: `
    <div class="template-editor" :data-editing="templateKey + '/' + language">
      <div class="page-head">
        <button type="button" id="template-back" class="link" @click="leave(() => emit('close'))">← {{ t('templates.back') }}</button>
      </div>
      <h2>{{ templateName(templateKey) }}
        <span v-if="detail" class="badge" :class="detail.changed ? 'warn' : ''" data-template-state>{{ detail.changed ? t('templates.changedBadge') : t('templates.asShipped') }}</span></h2>
      <div class="lang-tabs" role="tablist">
        <button v-for="code in languages" :key="code" type="button" role="tab" :data-language="code"
          :class="{ active: code === language }" :aria-selected="code === language" @click="chooseLanguage(code)">{{ t('language.' + code) }}</button>
      </div>
      <ProblemMessage :problem="problem" />
      <div v-if="detail" class="template-grid">
        <form class="card template-form" @submit.prevent="save" novalidate>
          <div class="field">
            <label for="template-subject">{{ t('templates.subject') }}</label>
            <input id="template-subject" ref="subjectField" type="text" v-model="form.subject" maxlength="500"
              @focus="focusField('subject')" :aria-invalid="errors.subject ? 'true' : 'false'">
            <div v-if="errors.subject" class="field-error" data-error-for="subject">{{ errors.subject }}</div>
          </div>
          <div class="field">
            <label for="template-html">{{ t('templates.html') }}</label>
            <textarea id="template-html" ref="htmlField" rows="10" v-model="form.html" spellcheck="false"
              class="code" @focus="focusField('html')" :aria-invalid="errors.html ? 'true' : 'false'"></textarea>
            <div v-if="errors.html" class="field-error" data-error-for="html">{{ errors.html }}</div>
          </div>
          <div class="field">
            <label for="template-text">{{ t('templates.text') }}</label>
            <textarea id="template-text" ref="textField" rows="8" v-model="form.text" spellcheck="false"
              class="code" @focus="focusField('text')" :aria-invalid="errors.text ? 'true' : 'false'"></textarea>
            <div v-if="errors.text" class="field-error" data-error-for="text">{{ errors.text }}</div>
          </div>
          <div class="field">
            <div class="label">{{ t('templates.values') }}</div>
            <div class="template-values">
              <button v-for="name in detail.values" :key="name" type="button" class="tag" :data-value="name"
                :title="t('templates.insert')" @click="insert(name)">{{ placeholder(name) }}</button>
            </div>
            <div class="hint">{{ t('templates.valuesHint') }}</div>
          </div>
          <div class="notice" v-if="notice" role="status">{{ t(notice) }}</div>
          <div class="actions">
            <button id="template-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
            <button id="template-reset" type="button" :disabled="busy || !detail.changed"
              @click="confirming = { kind: 'reset' }">{{ t('templates.reset') }}</button>
          </div>
        </form>
        <section class="card template-preview" aria-live="polite">
          <h3>{{ t('templates.preview') }} <span v-if="previewing" class="muted small">…</span></h3>
          <p class="muted small">{{ t('templates.previewHint') }}</p>
          <template v-if="preview">
            <div class="label">{{ t('templates.subject') }}</div>
            <div id="template-preview-subject" class="preview-subject">{{ preview.subject }}</div>
            <div class="label">{{ t('templates.html') }}</div>
            <iframe id="template-preview-html" class="preview-frame" sandbox="" :srcdoc="preview.html"
              :title="t('templates.previewHtml')"></iframe>
            <div class="label">{{ t('templates.text') }}</div>
            <pre id="template-preview-text" class="preview-text">{{ preview.text }}</pre>
          </template>
          <p v-else class="muted small">{{ t('templates.previewEmpty') }}</p>
        </section>
      </div>
      <ModalDialog v-if="confirming && confirming.kind === 'reset'" id="template-reset-dialog"
        :title="t('templates.resetTitle')" initial-focus="[data-dialog-cancel]" @close="confirming = null">
        <p>{{ t('templates.resetText', { template: templateName(templateKey), language: t('language.' + language) }) }}</p>
        <div class="actions">
          <button type="button" class="danger" id="template-reset-confirm" @click="reset">{{ t('templates.reset') }}</button>
          <button type="button" data-dialog-cancel @click="confirming = null">{{ t('action.cancel') }}</button>
        </div>
      </ModalDialog>
      <ModalDialog v-if="confirming && confirming.kind === 'discard'" id="template-discard-dialog"
        :title="t('templates.discardTitle')" initial-focus="[data-dialog-cancel]" @close="confirming = null">
        <p>{{ t('templates.discardText') }}</p>
        <div class="actions">
          <button type="button" class="danger" id="template-discard-confirm"
            @click="discard">{{ t('templates.discard') }}</button>
          <button type="button" data-dialog-cancel @click="confirming = null">{{ t('action.cancel') }}</button>
        </div>
      </ModalDialog>
    </div>`,
};
