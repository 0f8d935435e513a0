// Signed-in sessions of one person: device, address, when signed in and last used, the
// session this browser uses marked. Ending one needs no password. Used on "My profile"
// (one's own, base /api/v1/session/sessions) and in the user dialog (an administrator's,
// base /api/v1/users/{id}/sessions).
import { ref, computed, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { t, tCount, formatInstant } from '../../../shared/js/i18n.js';
import { get, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, signOut } from '../session.js';

export default {
  name: 'SessionList',
  components: { ProblemMessage },
  props: { base: String, own: Boolean },
  setup(props) {
    const router = useRouter();
    const sessions = ref(null);
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const when = (iso) => formatInstant(iso, timeZone.value);
    const others = computed(() => (sessions.value || []).filter((s) => !s.current));

    function device(s) {
      const browser = s.browser || t('sessions.unknownBrowser');
      return s.system ? t('sessions.device', { browser, system: s.system }) : browser;
    }

    async function load() {
      try {
        sessions.value = await get(props.base);
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function run(action) {
      problem.value = null;
      notice.value = '';
      busy.value = true;
      try {
        await action();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    function end(s) {
      return run(async () => {
        await del(props.base + '/' + encodeURIComponent(s.id));
        if (props.own && s.current) {
          await signOut().catch(() => null);
          router.push({ name: 'login' });
          return;
        }
        notice.value = t('sessions.ended', { device: device(s) });
        await load();
      });
    }

    function endMany() {
      return run(async () => {
        const result = await del(props.base);
        notice.value = tCount('sessions.endedMany', result.ended);
        await load();
      });
    }

    onMounted(load);
    return { sessions, others, problem, notice, busy, when, device, end, endMany, t };
  },
  template: `
    <div class="session-list">
      <p class="muted small">{{ own ? t('sessions.intro') : t('sessions.adminIntro') }}</p>
      <p v-if="sessions && !sessions.length" class="muted" id="sessions-none">{{ t('sessions.none') }}</p>
      <ul class="sessions" v-if="sessions && sessions.length">
        <li v-for="s in sessions" :key="s.id" class="session-item" :data-session="s.id" :class="{ current: s.current }">
          <div class="session-main">
            <strong class="session-device">{{ device(s) }}</strong>
            <span v-if="s.current" class="badge session-current">{{ t('sessions.current') }}</span>
          </div>
          <dl class="session-facts small">
            <dt>{{ t('sessions.lastUsed') }}</dt><dd>{{ when(s.lastUsedAt) }} · {{ s.lastAddress || '–' }}</dd>
            <dt>{{ t('sessions.signedIn') }}</dt><dd>{{ when(s.signedInAt) }} · {{ s.signInAddress || '–' }}</dd>
          </dl>
          <button type="button" class="session-end" :class="{ danger: !s.current }" :disabled="busy" @click="end(s)">
            {{ own && s.current ? t('sessions.signOutHere') : t('sessions.end') }}</button>
        </li>
      </ul>
      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice" role="status" id="sessions-notice">{{ notice }}</div>
      <div class="actions" v-if="sessions && (own ? others.length : sessions.length)">
        <button type="button" class="danger" id="sessions-end-many" :disabled="busy" @click="endMany">
          {{ own ? t('sessions.endOthers') : t('sessions.endAll') }}</button>
      </div>
    </div>`,
};
