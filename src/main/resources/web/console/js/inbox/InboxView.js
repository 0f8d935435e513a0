// The agent workspace: conversation lists | the open conversation | who the visitor is.
// The tab and the open conversation live in the address (?view=mine&conversation=41), so a
// reload or a shared link comes back to the same place.
import { ref, computed, watch, onMounted } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { availableViews, startInbox, reloadViews } from './inboxStore.js';
import ConversationList from './ConversationList.js';
import ConversationPane from './ConversationPane.js';
import VisitorPanel from './VisitorPanel.js';

export default {
  name: 'InboxView',
  components: { ConversationList, ConversationPane, VisitorPanel },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const views = computed(availableViews);
    const current = ref(null);
    const panelOpen = ref(false);

    const view = computed(() => {
      const asked = route.query.view;
      return views.value.includes(asked) ? asked : views.value[0];
    });
    const selectedId = computed(() => {
      const id = Number(route.query.conversation);
      return Number.isInteger(id) && id > 0 ? id : null;
    });

    function go(query) {
      const next = { ...route.query, ...query };
      for (const key of Object.keys(next)) {
        if (next[key] === null || next[key] === undefined) delete next[key];
      }
      router.replace({ name: 'inbox', query: next });
    }

    function setView(name) {
      go({ view: name });
    }

    function select(id) {
      if (id === selectedId.value) return;
      current.value = null;
      go({ conversation: String(id) });
    }

    function back() {
      current.value = null;
      panelOpen.value = false;
      go({ conversation: null });
    }

    watch(selectedId, () => {
      current.value = null;
    });

    onMounted(() => {
      startInbox();
      reloadViews(true);
    });

    return { views, view, selectedId, current, panelOpen, setView, select, back, t };
  },
  template: `
    <div class="inbox" :class="{ 'has-conversation': selectedId, 'panel-open': panelOpen }">
      <h1 class="visually-hidden">{{ t('inbox.title') }}</h1>
      <ConversationList :views="views" :view="view" :selected-id="selectedId" @select="select" @view="setView" />
      <ConversationPane v-if="selectedId" :key="selectedId" :conversation-id="selectedId" @back="back"
        @conversation="current = $event" @toggle-panel="panelOpen = !panelOpen" />
      <section v-else class="conv-pane conv-none">
        <div class="empty">{{ t('inbox.pickOne') }}</div>
      </section>
      <VisitorPanel v-if="current" :conversation="current" @open="select" @close="panelOpen = false" />
      <aside v-else class="visitor-panel visitor-panel-empty"></aside>
    </div>`,
};
