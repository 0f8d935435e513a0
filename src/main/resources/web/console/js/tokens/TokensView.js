// Personal API tokens for integrations: create (shown once), list, revoke.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get, post, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';

export default {
  name: 'TokensView',
  components: { ProblemMessage },
  setup() {
    const tokens = ref([]);
    const form = reactive({ name: '', expiresInDays: 90 });
    const created = ref(null);
    const problem = ref(null);
    const busy = ref(false);
    const timeZone = computed(() => session.me.organisation.timeZone);

    async function load() {
      try {
        tokens.value = await get('/api/v1/tokens');
      } catch (failure) {
        problem.value = failure;
      }
    }
    onMounted(load);

    async function create() {
      problem.value = null;
      created.value = null;
      copied.value = '';
      busy.value = true;
      try {
        const days = form.expiresInDays === '' || form.expiresInDays === null ? null : Number(form.expiresInDays);
        created.value = await post('/api/v1/tokens', { name: form.name.trim(), expiresInDays: days });
        form.name = '';
        await load();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const copied = ref('');
    // The clipboard may be refused (a page not served over HTTPS): then the secret is
    // selected, so that Ctrl+C copies it.
    async function copy() {
      copied.value = '';
      try {
        await navigator.clipboard.writeText(created.value.token);
        copied.value = 'done';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('token-secret'));
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        copied.value = 'select';
      }
    }

    async function revoke(token) {
      problem.value = null;
      try {
        await del('/api/v1/tokens/' + token.id);
        if (created.value && created.value.id === token.id) created.value = null;
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    return { tokens, form, created, copied, problem, busy, timeZone, create, copy, revoke, formatInstant, t };
  },
  template: `
    <div>
      <h1>{{ t('tokens.title') }}</h1>
      <p class="muted">{{ t('tokens.intro') }}</p>
      <form class="card toolbar" @submit.prevent="create">
        <div class="grow">
          <label for="token-name">{{ t('field.name') }}</label>
          <input id="token-name" type="text" v-model="form.name" maxlength="100" required>
        </div>
        <div>
          <label for="token-days">{{ t('tokens.expiresInDays') }}</label>
          <input id="token-days" type="number" min="1" max="3650" v-model="form.expiresInDays" style="width: 8rem">
        </div>
        <button id="token-create" class="primary" type="submit" :disabled="busy">{{ t('tokens.create') }}</button>
      </form>
      <div class="notice" v-if="created">
        <p><strong>{{ t('tokens.createdOnce') }}</strong></p>
        <div id="token-secret" class="secret">{{ created.token }}</div>
        <div class="actions">
          <button id="token-copy" type="button" @click="copy">{{ t('tokens.copy') }}</button>
          <span class="muted small" role="status">{{ copied === 'done' ? t('tokens.copied')
            : copied === 'select' ? t('tokens.copyManually') : '' }}</span>
        </div>
      </div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr><th>{{ t('field.name') }}</th><th>{{ t('tokens.prefix') }}</th><th>{{ t('tokens.createdAt') }}</th>
              <th>{{ t('tokens.expiresAt') }}</th><th>{{ t('tokens.lastUsedAt') }}</th><th></th></tr>
          </thead>
          <tbody>
            <tr v-for="token in tokens" :key="token.id" :data-token="token.name">
              <td class="wrap">{{ token.name }}</td>
              <td><code>{{ token.prefix }}…</code></td>
              <td class="small">{{ formatInstant(token.createdAt, timeZone) }}</td>
              <td class="small">{{ token.expiresAt ? formatInstant(token.expiresAt, timeZone) : t('tokens.never') }}</td>
              <td class="small">{{ token.lastUsedAt ? formatInstant(token.lastUsedAt, timeZone) : t('tokens.unused') }}</td>
              <td><button class="danger" type="button" @click="revoke(token)">{{ t('tokens.revoke') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!tokens.length">{{ t('tokens.none') }}</div>
      </div>
    </div>`,
};
