// A customer's page: profile (name, company, language, time zone, level), contacts (masked;
// a holder of customer.pii.view reveals them, audited), tags, attributes, notes, possible
// duplicates (merge, dismiss), block/unblock, and his conversations on every channel and the
// timeline (CustomerActivity). Reached from the inbox and by URL (/customers/:id).
import { ref, reactive, computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { api, get, post, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import BlockDialog from './BlockDialog.js';
import CustomerNotes from './CustomerNotes.js';
import CustomerActivity from './CustomerActivity.js';
import PrivacyActions from './PrivacyActions.js';

export default {
  name: 'CustomerPage',
  components: { ProblemMessage, BlockDialog, CustomerNotes, CustomerActivity, PrivacyActions },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const customer = ref(null);
    const levels = ref([]);
    const definitions = ref([]);
    const problem = ref(null);
    const saved = ref(false);
    const busy = ref(false);
    const revealed = ref(null);
    const blocking = ref(false);
    const form = reactive({ name: '', company: '', language: '', timeZone: '', levelId: '', tags: '', attributes: {} });
    const contact = reactive({ kind: 'EMAIL', value: '' });
    const timeZone = computed(() => session.me.organisation.timeZone);
    const mayEdit = computed(() => can('customer.edit'));

    function fill(c) {
      customer.value = c;
      Object.assign(form, { name: c.name || '', company: c.company || '', language: c.language || '',
        timeZone: c.timeZone || '', levelId: c.level ? c.level.id : '', tags: c.tags.join(', ') });
      const values = {};
      for (const d of definitions.value) {
        const found = c.attributes.find((a) => a.key === d.key);
        values[d.key] = found && !(d.sensitive) ? String(found.value) : '';
      }
      form.attributes = values;
      revealed.value = null;
    }

    async function load() {
      problem.value = null;
      try {
        [levels.value, definitions.value] = await Promise.all([
          get('/api/v1/customer-levels').catch(() => []), get('/api/v1/customer-attributes').catch(() => [])]);
        const c = await get('/api/v1/customers/' + route.params.id);
        fill(c);
        if (c.mergedInto && String(c.mergedInto) !== String(route.params.id)) {
          router.replace({ name: 'customer', params: { id: String(c.id) }, query: { from: route.params.id } });
        }
      } catch (failure) {
        customer.value = null;
        problem.value = failure;
      }
    }
    watch(() => route.params.id, (id) => { if (id) load(); }, { immediate: true });

    // an attribute's refusal names its key (attributes.plan): show the attribute's label
    function labelled(failure) {
      const errors = failure && failure.body && failure.body.errors;
      for (const error of Array.isArray(errors) ? errors : []) {
        const d = definitions.value.find((a) => 'attributes.' + a.key === error.field);
        if (d) error.field = d.label;
      }
      return failure;
    }

    async function change(patch) {
      busy.value = true;
      problem.value = null;
      saved.value = false;
      try {
        fill(await api('PATCH', '/api/v1/customers/' + customer.value.id,
          Object.assign({ version: customer.value.version }, patch)));
        saved.value = true;
      } catch (failure) {
        problem.value = labelled(failure);
      } finally {
        busy.value = false;
      }
    }

    // a number field's v-model gives a number, not a string
    const typed = (d) => String(form.attributes[d.key] ?? '').trim();

    function attributeValue(d) {
      const raw = typed(d);
      if (raw === '') return null;
      return d.type === 'NUMBER' ? Number(raw) : raw;
    }

    function save() {
      const attributes = {};
      for (const d of definitions.value) {
        if (d.sensitive && !typed(d)) continue;
        attributes[d.key] = attributeValue(d);
      }
      const patch = { name: form.name, company: form.company, language: form.language, timeZone: form.timeZone,
        levelId: form.levelId === '' ? null : Number(form.levelId),
        tags: form.tags.split(/[,，]/).map((tag) => tag.trim()).filter((tag) => tag) };
      if (Object.keys(attributes).length) patch.attributes = attributes;
      change(patch);
    }

    function addContact() {
      change({ addContacts: [{ kind: contact.kind, value: contact.value.trim() }] }).then(() => {
        if (!problem.value) contact.value = '';
      });
    }
    const removeContact = (id) => change({ removeContacts: [id] });

    async function act(promise) {
      problem.value = null;
      try {
        fill(await promise);
      } catch (failure) {
        problem.value = failure;
      }
    }
    async function reveal() {
      problem.value = null;
      try {
        revealed.value = await post('/api/v1/customers/' + customer.value.id + '/reveal');
      } catch (failure) {
        problem.value = failure;
      }
    }
    const shown = (c) => {
      const plain = revealed.value && revealed.value.contacts.find((k) => k.id === c.id);
      return plain ? plain.value : c.value;
    };
    const merge = (s) => act(post('/api/v1/customers/' + customer.value.id + '/merge', { otherId: s.otherId }));
    const dismiss = (s) => act(del('/api/v1/customers/' + customer.value.id + '/suggestions/' + s.id));
    const unblock = () => act(del('/api/v1/customers/' + customer.value.id + '/block'));
    function blocked(c) {
      blocking.value = false;
      fill(c);
    }
    const when = (iso) => (iso ? formatInstant(iso, timeZone.value) : '—');

    return { customer, levels, definitions, problem, saved, busy, form, contact, revealed, blocking, mayEdit, can,
      save, addContact, removeContact, reveal, shown, merge, dismiss, unblock, blocked, fill, load, when, route, t };
  },
  template: `
    <div class="customer-page">
      <ProblemMessage :problem="problem" />
      <template v-if="customer">
        <header class="customer-head">
          <h1 id="customer-name">{{ customer.name || t('customer.unnamed', { id: customer.id }) }}</h1>
          <span v-if="customer.level" class="badge ok" data-field="level">{{ customer.level.name }}</span>
          <span v-if="customer.blocked" class="badge off" id="customer-blocked">{{ t('customer.blocked') }}</span>
          <span class="grow"></span>
          <template v-if="can('customer.block')">
            <button v-if="!customer.blocked" id="customer-block" type="button" class="danger" @click="blocking = true">{{ t('customer.block.action') }}</button>
            <button v-else id="customer-unblock" type="button" @click="unblock">{{ t('customer.unblock') }}</button>
          </template>
          <PrivacyActions :customer="customer" @erased="load" />
        </header>
        <p v-if="customer.erasedAt" class="muted small" id="customer-erased-note">{{ t('customer.erasedOn', { at: when(customer.erasedAt) }) }}</p>
        <p v-if="route.query.from" class="muted small" id="customer-merged-note">{{ t('customer.mergedFrom', { id: route.query.from }) }}</p>
        <p v-if="customer.blocked" class="notice small">{{ t('customer.blockedBy', { by: customer.blocked.by || '—', reason: customer.blocked.reason }) }}
          <template v-if="customer.blocked.until">· {{ t('customer.blockedUntil', { until: when(customer.blocked.until) }) }}</template></p>
        <div class="customer-grid">
          <section class="card">
            <h2>{{ t('customer.profile') }}</h2>
            <form id="customer-form" @submit.prevent="save">
              <label for="customer-name-input">{{ t('customer.field.name') }}</label>
              <input type="text" id="customer-name-input" v-model="form.name" maxlength="100" :disabled="!mayEdit">
              <label for="customer-company">{{ t('customer.field.company') }}</label>
              <input type="text" id="customer-company" v-model="form.company" maxlength="200" :disabled="!mayEdit">
              <div class="two">
                <div><label for="customer-language">{{ t('customer.field.language') }}</label>
                  <input type="text" id="customer-language" v-model="form.language" maxlength="35" placeholder="zh-CN" :disabled="!mayEdit"></div>
                <div><label for="customer-timezone">{{ t('customer.field.timeZone') }}</label>
                  <input type="text" id="customer-timezone" v-model="form.timeZone" maxlength="64" placeholder="Asia/Shanghai" :disabled="!mayEdit"></div>
              </div>
              <label for="customer-level">{{ t('customer.field.level') }}</label>
              <select id="customer-level" v-model="form.levelId" :disabled="!mayEdit">
                <option value="">{{ t('customer.noLevel') }}</option>
                <option v-for="l in levels" :key="l.id" :value="l.id">{{ l.name }}</option>
              </select>
              <label for="customer-tags">{{ t('customer.field.tags') }}</label>
              <input type="text" id="customer-tags" v-model="form.tags" :placeholder="t('customer.tagsHint')" :disabled="!mayEdit">
              <template v-for="d in definitions" :key="d.key">
                <label :for="'attr-' + d.key">{{ d.label }}<span v-if="d.required"> *</span></label>
                <select v-if="d.type === 'CHOICE'" :id="'attr-' + d.key" v-model="form.attributes[d.key]" :disabled="!mayEdit">
                  <option value="">—</option>
                  <option v-for="c in d.choices" :key="c" :value="c">{{ c }}</option>
                </select>
                <input v-else :id="'attr-' + d.key" v-model="form.attributes[d.key]" :data-attribute="d.key"
                  :type="d.type === 'NUMBER' ? 'number' : d.type === 'DATE' ? 'date' : 'text'"
                  :placeholder="d.sensitive ? t('customer.sensitiveHint') : ''" :disabled="!mayEdit">
              </template>
              <p v-if="saved" class="ok small" id="customer-saved">{{ t('customer.saved') }}</p>
              <div class="actions" v-if="mayEdit"><button id="customer-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button></div>
            </form>
          </section>
          <section class="card">
            <h2>{{ t('customer.contacts') }}</h2>
            <ul id="customer-contacts" class="plain-list">
              <li v-for="c in customer.contacts" :key="c.id" :data-contact="c.kind">
                <span class="muted small">{{ t('customer.kind.' + c.kind) }}</span> <span class="wrap" data-value>{{ shown(c) }}</span>
                <span class="badge" :class="{ ok: c.verified }">{{ c.verified ? t('inbox.verified') : t('inbox.unverified') }}</span>
                <button v-if="mayEdit" type="button" class="link small" @click="removeContact(c.id)">{{ t('action.delete') }}</button>
              </li>
            </ul>
            <p v-if="!customer.contacts.length" class="muted small">{{ t('customer.noContacts') }}</p>
            <button v-if="can('customer.pii.view') && customer.contacts.length && !revealed" id="customer-reveal" type="button" class="small" @click="reveal">{{ t('customer.reveal') }}</button>
            <form v-if="mayEdit" class="inline-form" @submit.prevent="addContact">
              <select v-model="contact.kind" :aria-label="t('customer.contactKind')"><option value="EMAIL">{{ t('customer.kind.EMAIL') }}</option><option value="PHONE">{{ t('customer.kind.PHONE') }}</option></select>
              <input type="text" id="customer-contact-value" v-model="contact.value" maxlength="254" :aria-label="t('customer.contactValue')">
              <button type="submit" :disabled="!contact.value.trim()">{{ t('customer.addContact') }}</button>
            </form>
            <h2>{{ t('customer.facts') }}</h2>
            <dl class="facts">
              <dt>{{ t('customer.firstSeen') }}</dt><dd>{{ when(customer.firstSeenAt) }}</dd>
              <dt>{{ t('customer.lastSeen') }}</dt><dd>{{ when(customer.lastSeenAt) }}</dd>
              <dt>{{ t('customer.conversationCount') }}</dt><dd id="customer-count">{{ customer.conversationCount }}</dd>
              <dt>{{ t('customer.lastRating') }}</dt><dd>{{ customer.lastRating ? '★'.repeat(customer.lastRating) : '—' }}</dd>
              <dt>{{ t('customer.channels') }}</dt><dd>{{ customer.channels.map((c) => c.name).join(', ') || '—' }}</dd>
            </dl>
            <template v-if="customer.suggestions.length">
              <h2>{{ t('customer.suggestions') }}</h2>
              <ul id="customer-suggestions" class="plain-list">
                <li v-for="s in customer.suggestions" :key="s.id" :data-suggestion="s.otherId">
                  <router-link :to="{ name: 'customer', params: { id: String(s.otherId) } }">{{ s.otherName || t('customer.unnamed', { id: s.otherId }) }}</router-link>
                  <span class="muted small"> · {{ t('customer.sameContact.' + s.reason) }}</span>
                  <button v-if="can('customer.merge')" type="button" class="small" data-merge @click="merge(s)">{{ t('customer.mergeHere') }}</button>
                  <button v-if="mayEdit" type="button" class="link small" @click="dismiss(s)">{{ t('customer.dismiss') }}</button>
                </li>
              </ul>
            </template>
          </section>
        </div>
        <CustomerNotes :customer="customer" @changed="fill" />
        <CustomerActivity :customer-id="customer.id" :version="customer.version" />
        <BlockDialog v-if="blocking" :path="'/api/v1/customers/' + customer.id + '/block'" @close="blocking = false" @blocked="blocked" />
      </template>
    </div>`,
};
