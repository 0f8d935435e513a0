// The security screen: figures of a period (each opens the audit entries behind it),
// the addresses blocked now (lift), past blocks, blocking an address by hand, and the
// allow-list and deny-list with the restriction of the console to listed networks.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, tOr, formatInstant, zonedInstant, zonedLocal } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import NetworkListEditor from './NetworkListEditor.js';

export default {
  name: 'SecurityView',
  components: { ProblemMessage, NetworkListEditor },
  setup() {
    const timeZone = computed(() => session.me.organisation.timeZone);
    const now = new Date();
    const period = reactive({
      from: zonedLocal(new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString(), timeZone.value),
      to: zonedLocal(new Date(now.getTime() + 60 * 1000).toISOString(), timeZone.value),
    });
    const figures = ref([]);
    const twoFactor = ref([]);
    const roleName = (role) => tOr('role.' + role, role);
    const currentCount = ref(0);
    const blocks = ref([]);
    const past = ref(null);
    const networks = ref({ staffRestricted: false, yourAddress: '', entries: [] });
    const form = reactive({ address: '', minutes: 60, note: '' });
    const problem = ref(null);
    const busy = ref(false);

    async function attempt(work) {
      problem.value = null;
      busy.value = true;
      try {
        await work();
        return true;
      } catch (failure) {
        problem.value = failure;
        return false;
      } finally {
        busy.value = false;
      }
    }

    async function loadFigures() {
      const page = await get('/api/v1/security/figures', {
        from: zonedInstant(period.from, timeZone.value), to: zonedInstant(period.to, timeZone.value),
      });
      figures.value = page.figures;
      currentCount.value = page.currentBlocks;
      twoFactor.value = page.twoFactor;
    }

    async function loadBlocks() {
      blocks.value = await get('/api/v1/security/blocks', { state: 'current' });
      if (past.value) past.value = await get('/api/v1/security/blocks', { state: 'past' });
    }

    async function loadNetworks() {
      networks.value = await get('/api/v1/security/networks');
    }

    onMounted(() => attempt(() => Promise.all([loadFigures(), loadBlocks(), loadNetworks()])));

    const showFigures = () => attempt(loadFigures);
    const showPast = () => attempt(async () => { past.value = await get('/api/v1/security/blocks', { state: 'past' }); });

    async function lift(block) {
      await attempt(async () => {
        await post('/api/v1/security/blocks/' + block.id + '/lift');
        await Promise.all([loadBlocks(), loadFigures()]);
      });
    }

    async function block() {
      const done = await attempt(async () => {
        await post('/api/v1/security/blocks', {
          address: form.address.trim(), minutes: Number(form.minutes), note: form.note.trim() || null,
        });
        await Promise.all([loadBlocks(), loadFigures()]);
      });
      if (done) Object.assign(form, { address: '', note: '' });
    }

    async function restrict(event) {
      const wanted = event.target.checked;
      const done = await attempt(() => put('/api/v1/security/networks/restriction', { staffRestricted: wanted }));
      if (!done) event.target.checked = !wanted;
      await loadNetworks().catch(() => null);
    }

    async function add(entry) {
      return attempt(async () => {
        await post('/api/v1/security/networks', entry);
        await loadNetworks();
      });
    }

    async function remove(entry) {
      await attempt(async () => {
        await del('/api/v1/security/networks/' + entry.id);
        await loadNetworks();
      });
    }

    const allow = computed(() => networks.value.entries.filter((e) => e.list === 'allow'));
    const deny = computed(() => networks.value.entries.filter((e) => e.list === 'deny'));
    const auditLink = (action) => ({ name: 'audit', query: { action, from: period.from, to: period.to } });
    const reasonName = (block) => t('security.reason.' + block.reason);

    return { twoFactor, roleName, timeZone, period, figures, currentCount, blocks, past, networks, form, problem, busy, allow, deny,
      showFigures, showPast, lift, block, restrict, add, remove, auditLink, reasonName, formatInstant, t };
  },
  template: `
    <div class="security">
      <h1>{{ t('security.title') }}</h1>
      <p class="muted">{{ t('security.intro') }}</p>
      <ProblemMessage :problem="problem" />

      <form class="toolbar card" @submit.prevent="showFigures">
        <div>
          <label for="security-from">{{ t('security.from') }}</label>
          <input id="security-from" type="datetime-local" v-model="period.from" required>
        </div>
        <div>
          <label for="security-to">{{ t('security.to') }}</label>
          <input id="security-to" type="datetime-local" v-model="period.to" required>
        </div>
        <button id="security-show" class="primary" type="submit" :disabled="busy">{{ t('security.show') }}</button>
        <p class="muted small grow">{{ t('audit.zone', { zone: timeZone }) }}</p>
      </form>

      <h2>{{ t('security.figures') }}</h2>
      <div class="tiles security-figures">
        <div class="card tile" data-figure="current">
          <p class="muted small">{{ t('security.currentCount') }}</p>
          <p class="figure">{{ currentCount }}</p>
        </div>
        <div class="card tile" v-for="figure in figures" :key="figure.action" :data-figure="figure.action">
          <p class="muted small">{{ t('security.figure.' + figure.action) }}</p>
          <p class="figure">{{ figure.count }}</p>
          <router-link class="small" :to="auditLink(figure.action)">{{ t('security.entries') }}</router-link>
        </div>
      </div>

      <h2>{{ t('security.twoFactor') }}</h2>
      <div class="card table-wrap" style="padding:0">
        <table id="security-two-factor">
          <thead><tr><th>{{ t('security.twoFactor.role') }}</th><th class="num">{{ t('security.twoFactor.users') }}</th>
            <th class="num">{{ t('security.twoFactor.with') }}</th><th>{{ t('security.twoFactor.required') }}</th></tr></thead>
          <tbody><tr v-for="row in twoFactor" :key="row.role" :data-role="row.role">
            <td>{{ roleName(row.role) }}</td><td class="num">{{ row.users }}</td>
            <td class="num">{{ row.usersWithTwoFactor }}<span v-if="row.users" class="muted"> ({{ Math.round(100 * row.usersWithTwoFactor / row.users) }}%)</span></td>
            <td>{{ row.required ? t('security.twoFactor.yes') : t('security.twoFactor.no') }}</td>
          </tr></tbody>
        </table>
      </div>

      <h2>{{ t('security.currentBlocks') }}</h2>
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr><th>{{ t('security.address') }}</th><th>{{ t('security.reason') }}</th><th>{{ t('security.signals') }}</th>
              <th>{{ t('security.blockedAt') }}</th><th>{{ t('security.until') }}</th><th>{{ t('security.note') }}</th><th></th></tr>
          </thead>
          <tbody>
            <tr v-for="b in blocks" :key="b.id" :data-block="b.address">
              <td><code>{{ b.address }}</code></td>
              <td>{{ reasonName(b) }}<span class="muted small" v-if="b.blockedBy"> ({{ b.blockedBy }})</span></td>
              <td>{{ b.automatic ? b.signals : '' }}</td>
              <td class="small">{{ formatInstant(b.blockedAt, timeZone) }}</td>
              <td class="small">{{ formatInstant(b.until, timeZone) }}</td>
              <td class="wrap small">{{ b.note }}</td>
              <td><button type="button" class="lift" :disabled="busy" @click="lift(b)">{{ t('security.lift') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!blocks.length">{{ t('security.noBlocks') }}</div>
      </div>
      <form class="toolbar card" @submit.prevent="block" style="margin-top:1rem">
        <div class="grow">
          <label for="block-address">{{ t('security.block') }}</label>
          <input id="block-address" type="text" v-model="form.address" maxlength="45" required placeholder="203.0.113.7">
        </div>
        <div>
          <label for="block-minutes">{{ t('security.minutes') }}</label>
          <input id="block-minutes" type="number" min="1" max="43200" v-model="form.minutes" style="width: 7rem" required>
        </div>
        <div class="grow">
          <label for="block-note">{{ t('security.note') }}</label>
          <input id="block-note" type="text" v-model="form.note" maxlength="500">
        </div>
        <button id="block-add" class="danger" type="submit" :disabled="busy">{{ t('security.blockButton') }}</button>
      </form>
      <p v-if="!past"><button type="button" id="security-past" @click="showPast">{{ t('security.showPast') }}</button></p>
      <template v-else>
        <h2>{{ t('security.pastBlocks') }}</h2>
        <div class="card table-wrap" style="padding:0">
          <table>
            <thead>
              <tr><th>{{ t('security.address') }}</th><th>{{ t('security.reason') }}</th>
                <th>{{ t('security.blockedAt') }}</th><th>{{ t('security.ended') }}</th></tr>
            </thead>
            <tbody>
              <tr v-for="b in past" :key="b.id" :data-past-block="b.address">
                <td><code>{{ b.address }}</code></td>
                <td>{{ reasonName(b) }}</td>
                <td class="small">{{ formatInstant(b.blockedAt, timeZone) }}</td>
                <td class="small">{{ formatInstant(b.liftedAt || b.until, timeZone) }}
                  <span class="muted" v-if="b.liftedBy">{{ t('security.lifted', { name: b.liftedBy }) }}</span></td>
              </tr>
            </tbody>
          </table>
          <div class="empty" v-if="!past.length">{{ t('security.noPastBlocks') }}</div>
        </div>
      </template>

      <h2>{{ t('security.networks') }}</h2>
      <div class="card">
        <label class="check">
          <input id="security-restrict" type="checkbox" :checked="networks.staffRestricted" :disabled="busy" @change="restrict">
          {{ t('security.restrict') }}
        </label>
        <p class="muted small">{{ t('security.restrictHelp') }}
          <span id="security-your-address">{{ t('security.yourAddress', { address: networks.yourAddress }) }}</span></p>
      </div>
      <NetworkListEditor list="allow" :title="t('security.allowList')" :help="t('security.allowHelp')" :entries="allow"
        :time-zone="timeZone" :busy="busy" :save="add" @remove="remove" />
      <NetworkListEditor list="deny" :title="t('security.denyList')" :help="t('security.denyHelp')" :entries="deny"
        :time-zone="timeZone" :busy="busy" :save="add" @remove="remove" />
    </div>`,
};
