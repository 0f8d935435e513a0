// One channel in a dialog: name, kind (when creating), allowed origins, greeting, colour,
// pre-chat form, enabled; for a website channel the embed snippet and a preview; the
// identity-verification secret (shown once: after creation or regeneration); delete with confirmation.
import { ref, reactive, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import ChannelPresentationFields, { presentationForm, presentationBody } from './ChannelPresentationFields.js';

export const PRECHAT_FIELDS = ['name', 'email', 'phone', 'question'];
/** Kinds of file visitors may send; programs and scripts never (the server refuses them). */
export const UPLOAD_TYPES = ['images', 'pdf', 'office', 'text', 'archives', 'media'];
const DEFAULT_UPLOAD_TYPES = ['images', 'pdf', 'office', 'text', 'archives'];
const DEFAULT_COLOR = '#1f6feb';

function originsFromText(text) {
  return (text || '').split(/[\r\n]+/).map((line) => line.trim()).filter(Boolean);
}

export default {
  name: 'ChannelEditor',
  components: { ModalDialog, ProblemMessage, ChannelPresentationFields },
  props: { channel: Object },
  emits: ['saved', 'close'],
  setup(props, { emit }) {
    const creating = !props.channel;
    const current = ref(props.channel ? { ...props.channel } : null);
    const problem = ref(null);
    const busy = ref(false);
    const confirmingDelete = ref(false);
    const confirmingRotate = ref(false);
    const copied = ref('');
    const notice = ref('');
    const secretNotice = ref('');
    const source = props.channel || {};
    const form = reactive({
      name: source.name || '',
      kind: source.kind || 'website',
      origins: (source.allowedOrigins || []).join('\n'),
      greeting: source.greeting || '',
      color: /^#[0-9a-fA-F]{6}$/.test(source.color || '') ? source.color : DEFAULT_COLOR,
      prechatEnabled: !!source.prechatEnabled,
      prechatFields: source.prechatFields ? [...source.prechatFields] : ['name', 'email'],
      enabled: creating ? true : !!source.enabled,
      topics: (source.topics || []).map((topic) => ({ groupId: topic.groupId, label: topic.label })),
      uploadTypes: source.uploadTypes ? [...source.uploadTypes] : [...DEFAULT_UPLOAD_TYPES],
    });
    // What visitors see (public title, logo, texts per language): its own resource.
    const presentation = reactive(presentationForm(null));
    if (!creating) {
      get('/api/v1/channels/' + props.channel.id + '/presentation')
        .then((view) => Object.assign(presentation, presentationForm(view)))
        .catch(() => null);
    }
    // Groups to lead topics to; listing them needs team.view (or conversation.transfer).
    const groups = ref([]);
    get('/api/v1/groups').then((list) => { groups.value = list; }).catch(() => { groups.value = []; });

    function addTopic() {
      const used = new Set(form.topics.map((topic) => topic.groupId));
      const free = groups.value.find((group) => !used.has(group.id));
      form.topics.push({ groupId: free ? free.id : null, label: free ? free.name : '' });
    }

    const website = computed(() => form.kind === 'website');
    const snippet = computed(() => current.value
      ? '<script src="' + location.origin + '/widget.js"\n        data-channel="' + current.value.key + '"\n        async></script>'
      : '');
    const previewUrl = computed(() => current.value
      ? '/widget/demo?channel=' + encodeURIComponent(current.value.key) : null);

    function body() {
      return {
        name: form.name.trim(),
        allowedOrigins: website.value ? originsFromText(form.origins) : [],
        greeting: form.greeting.trim() || null,
        color: form.color,
        prechatEnabled: form.prechatEnabled,
        prechatFields: PRECHAT_FIELDS.filter((field) => form.prechatFields.includes(field)),
        topics: form.topics.map((topic) => ({ groupId: topic.groupId, label: topic.label.trim() })),
        uploadTypes: UPLOAD_TYPES.filter((type) => form.uploadTypes.includes(type)),
      };
    }

    async function save() {
      problem.value = null;
      busy.value = true;
      try {
        if (creating) {
          const created = await post('/api/v1/channels', { kind: form.kind, ...body() });
          await put('/api/v1/channels/' + created.id + '/presentation', presentationBody(presentation));
          emit('saved', { message: t('channels.created', { name: created.name }), channel: created });
        } else {
          const saved = await put('/api/v1/channels/' + current.value.id, { ...body(), enabled: form.enabled });
          await put('/api/v1/channels/' + current.value.id + '/presentation', presentationBody(presentation));
          emit('saved', { message: t('channels.updated', { name: saved.name }), channel: null });
        }
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function remove() {
      problem.value = null;
      busy.value = true;
      try {
        await del('/api/v1/channels/' + current.value.id);
        emit('saved', { message: t('channels.deleted', { name: current.value.name }), channel: null });
      } catch (failure) {
        confirmingDelete.value = false;
        if (failure.status === 409) {
          notice.value = t('channels.deleteConflict');
        } else {
          problem.value = failure;
        }
      } finally {
        busy.value = false;
      }
    }

    async function rotate() {
      problem.value = null;
      busy.value = true;
      try {
        const rotated = await post('/api/v1/channels/' + current.value.id + '/secret');
        current.value = { ...current.value, ...rotated };
        confirmingRotate.value = false;
        secretNotice.value = t('channels.secretRotated');
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function copy(what, text) {
      copied.value = '';
      try {
        await navigator.clipboard.writeText(text);
        copied.value = what;
      } catch {
        // No clipboard (insecure page or refused): select the text so Ctrl+C works.
        const element = document.getElementById(what === 'snippet' ? 'channel-snippet' : 'channel-secret');
        if (element) {
          const range = document.createRange();
          range.selectNodeContents(element);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
        copied.value = what + '-select';
      }
    }

    return { presentation, creating, current, problem, busy, confirmingDelete, confirmingRotate, copied, notice, secretNotice, form,
      website, snippet, previewUrl, fields: PRECHAT_FIELDS, uploadTypes: UPLOAD_TYPES, groups, addTopic, save, remove, rotate, copy, t };
  },
  template: `
    <ModalDialog class="channel-dialog" :title="creating ? t('channels.new') : current.name" @close="$emit('close')">

      <form @submit.prevent="save" novalidate>
        <div class="row">
          <div class="field">
            <label for="channel-name">{{ t('field.name') }}</label>
            <input id="channel-name" type="text" v-model="form.name" maxlength="100" required>
          </div>
          <div class="field" v-if="creating">
            <label for="channel-kind">{{ t('channels.kind') }}</label>
            <select id="channel-kind" v-model="form.kind">
              <option value="website">{{ t('channels.kind.website') }}</option>
              <option value="api">{{ t('channels.kind.api') }}</option>
            </select>
          </div>
          <div class="field" v-else>
            <label>{{ t('channels.key') }}</label>
            <div id="channel-key" class="secret channel-key">{{ current.key }}</div>
          </div>
        </div>
        <p class="hint muted small" v-if="creating">{{ t('channels.kindHint.' + form.kind) }}</p>
        <div class="field" v-if="website">
          <label for="channel-origins">{{ t('channels.origins') }}</label>
          <textarea id="channel-origins" v-model="form.origins" rows="3" spellcheck="false"
            placeholder="https://www.example.com"></textarea>
          <div class="hint">{{ t('channels.originsHint') }}</div>
        </div>
        <div class="field">
          <label for="channel-greeting">{{ t('channels.greeting') }}</label>
          <textarea id="channel-greeting" v-model="form.greeting" rows="2" maxlength="500"></textarea>
          <div class="hint">{{ t('channels.greetingHint') }}</div>
        </div>
        <div class="field">
          <label for="channel-color">{{ t('channels.color') }}</label>
          <div class="color-pick">
            <input id="channel-color" type="color" v-model="form.color">
            <code>{{ form.color }}</code>
          </div>
        </div>
        <ChannelPresentationFields :form="presentation" :channel-id="creating ? null : current.id" />
        <fieldset class="prechat">
          <legend>
            <label class="check"><input id="channel-prechat" type="checkbox" v-model="form.prechatEnabled">
              {{ t('channels.prechat') }}</label>
          </legend>
          <div class="hint muted small">{{ t('channels.prechatHint') }}</div>
          <div class="prechat-fields" :class="{ muted: !form.prechatEnabled }">
            <label class="check" v-for="field in fields" :key="field">
              <input type="checkbox" :data-prechat-field="field" :value="field" v-model="form.prechatFields">
              {{ t('channels.prechatField.' + field) }}
            </label>
          </div>
        </fieldset>
        <fieldset class="upload-types">
          <legend>{{ t('channels.uploadTypes') }}</legend>
          <div class="hint muted small">{{ t('channels.uploadTypesHint') }}</div>
          <div class="prechat-fields">
            <label class="check" v-for="type in uploadTypes" :key="type">
              <input type="checkbox" :data-upload-type="type" :value="type" v-model="form.uploadTypes">
              {{ t('channels.uploadType.' + type) }}
            </label>
          </div>
        </fieldset>
        <fieldset class="topics">
          <legend>{{ t('channels.topics') }}</legend>
          <div class="hint muted small">{{ t('channels.topicsHint') }}</div>
          <div class="row topic-row" v-for="(topic, index) in form.topics" :key="index">
            <div class="field">
              <label :for="'topic-label-' + index">{{ t('channels.topicLabel') }}</label>
              <input :id="'topic-label-' + index" type="text" v-model="topic.label" maxlength="60" data-topic-label>
            </div>
            <div class="field">
              <label :for="'topic-group-' + index">{{ t('channels.topicGroup') }}</label>
              <select :id="'topic-group-' + index" v-model="topic.groupId" data-topic-group>
                <option v-for="group in groups" :key="group.id" :value="group.id">{{ group.name }}</option>
              </select>
            </div>
            <button class="link" type="button" @click="form.topics.splice(index, 1)" :aria-label="t('action.delete')">✕</button>
          </div>
          <button type="button" id="topic-add" v-if="groups.length && form.topics.length < 10" @click="addTopic">{{ t('channels.topicAdd') }}</button>
          <div class="hint muted small" v-if="!groups.length">{{ t('channels.topicsNoGroups') }}</div>
        </fieldset>
        <label class="check" v-if="!creating"><input id="channel-enabled" type="checkbox" v-model="form.enabled">
          {{ t('channels.enabledLabel') }}</label>
        <div class="notice" v-if="notice">{{ notice }}</div>
        <ProblemMessage :problem="problem" />
        <div class="actions">
          <button id="channel-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <button type="button" @click="$emit('close')">{{ t('action.cancel') }}</button>
          <button v-if="!creating && !confirmingDelete" id="channel-delete" class="danger" type="button"
            @click="confirmingDelete = true; notice = ''">{{ t('action.delete') }}</button>
        </div>
        <div class="warning" v-if="confirmingDelete">
          <p>{{ t('channels.deleteConfirm', { name: current.name }) }}</p>
          <div class="actions">
            <button id="channel-delete-confirm" class="danger" type="button" :disabled="busy" @click="remove">{{ t('action.delete') }}</button>
            <button type="button" @click="confirmingDelete = false">{{ t('action.cancel') }}</button>
          </div>
        </div>
      </form>

      <section v-if="!creating && current.kind === 'website'" class="channel-section">
        <h3>{{ t('channels.embed') }}</h3>
        <p class="muted small">{{ t('channels.embedHint') }}</p>
        <pre id="channel-snippet" class="snippet">{{ snippet }}</pre>
        <div class="actions">
          <button id="channel-snippet-copy" type="button" @click="copy('snippet', snippet)">{{ t('channels.copy') }}</button>
          <a id="channel-preview" class="button" :href="previewUrl" target="_blank" rel="noopener">{{ t('channels.preview') }} ↗</a>
          <span class="muted small" v-if="copied === 'snippet'">{{ t('channels.copied') }}</span>
          <span class="muted small" v-if="copied === 'snippet-select'">{{ t('channels.copyManually') }}</span>
        </div>
      </section>

      <section v-if="!creating" class="channel-section">
        <h3>{{ t('channels.identity') }}</h3>
        <p class="muted small">{{ t('channels.identityHint') }}</p>
        <div v-if="current.identitySecret" id="channel-secret" class="secret">{{ current.identitySecret }}</div>
        <p v-else id="channel-secret-hidden" class="muted small">{{ t('channels.secretOnce') }}</p>
        <div class="actions">
          <button v-if="current.identitySecret" id="channel-secret-copy" type="button" @click="copy('secret', current.identitySecret)">{{ t('channels.copy') }}</button>
          <button v-if="!confirmingRotate" id="channel-secret-rotate" type="button" class="danger"
            @click="confirmingRotate = true; secretNotice = ''">{{ t('channels.secretRotate') }}</button>
          <span class="muted small" v-if="copied === 'secret'">{{ t('channels.copied') }}</span>
          <span class="muted small" v-if="copied === 'secret-select'">{{ t('channels.copyManually') }}</span>
        </div>
        <div class="notice" v-if="secretNotice">{{ secretNotice }}</div>
        <div class="warning" v-if="confirmingRotate">
          <p>{{ t('channels.secretRotateConfirm') }}</p>
          <div class="actions">
            <button id="channel-secret-rotate-confirm" class="danger" type="button" :disabled="busy" @click="rotate">{{ t('channels.secretRotate') }}</button>
            <button type="button" @click="confirmingRotate = false">{{ t('action.cancel') }}</button>
          </div>
        </div>
      </section>
    </ModalDialog>`,
};
