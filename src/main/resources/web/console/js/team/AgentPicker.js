// "Add agent": staff members who have no agent profile yet (from the user list, so it needs
// user.view); choosing one opens the agent editor, whose save creates the profile.
import { ref, computed, onMounted, watch } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { roleLabel } from '../shell/navigation.js';

export default {
  name: 'AgentPicker',
  components: { ModalDialog, ProblemMessage },
  props: { exclude: Array },
  emits: ['pick', 'close'],
  setup(props) {
    const users = ref([]);
    const query = ref('');
    const loading = ref(false);
    const problem = ref(null);
    let searchTimer = null;
    let generation = 0;

    async function load() {
      const mine = ++generation;
      loading.value = true;
      problem.value = null;
      try {
        const page = await get('/api/v1/users', { q: query.value.trim(), limit: 100 });
        if (mine === generation) users.value = page.items;
      } catch (failure) {
        if (mine === generation) problem.value = failure;
      } finally {
        if (mine === generation) loading.value = false;
      }
    }
    onMounted(load);
    watch(query, () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(load, 250);
    });

    // Those who may chat first: a profile is what lets routing give them conversations.
    const candidates = computed(() => users.value
      .filter((user) => user.enabled && !(props.exclude || []).includes(user.id))
      .map((user) => ({ ...user, chats: (user.permissions || []).includes('conversation.reply') }))
      .sort((a, b) => Number(b.chats) - Number(a.chats) || (a.displayName || '').localeCompare(b.displayName || '')));

    return { query, loading, problem, candidates, roleLabel, t };
  },
  template: `
    <ModalDialog title-id="agent-pick-title" :title="t('team.agents.add')" @close="$emit('close')">
      <p class="muted small">{{ t('team.agents.pickHint') }}</p>
      <div class="field">
        <label for="agent-pick-search">{{ t('team.agents.pickSearch') }}</label>
        <input id="agent-pick-search" type="search" v-model="query" maxlength="100" autocomplete="off">
      </div>
      <ProblemMessage :problem="problem" />
      <ul class="pick-list" v-if="candidates.length">
        <li v-for="user in candidates" :key="user.id" :data-pick-user="user.id">
          <div class="grow">
            <div>{{ user.displayName }} <span class="muted small">{{ user.username }}</span></div>
            <div class="muted small">{{ roleLabel(user.role) }}<span v-if="!user.chats"> · {{ t('team.agents.cannotChat') }}</span></div>
          </div>
          <button type="button" :data-pick="user.id" @click="$emit('pick', user)">{{ t('team.agents.choose') }}</button>
        </li>
      </ul>
      <div class="empty" v-else-if="!loading">{{ t('team.agents.pickNone') }}</div>
    </ModalDialog>`,
};
