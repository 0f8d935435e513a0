// One queue on the board: a group (or the conversations no group answers): how many wait,
// for how long the oldest has been waiting (ticking), who is online, load against capacity.
import { computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { routingLabel } from '../team/team.js';
import LoadBar from '../team/LoadBar.js';
import { waitedSince } from './duration.js';

export default {
  name: 'QueueTile',
  components: { LoadBar },
  props: { queue: Object, tileId: String, name: String, now: Number },
  setup(props) {
    const grouped = computed(() => props.queue.routing !== undefined);
    const longest = computed(() => (props.queue.waiting ? waitedSince(props.queue.longestWaitingSince, props.now) : ''));
    return { grouped, longest, routingLabel, t };
  },
  template: `
    <li class="card board-queue" :class="{ busy: queue.waiting > 0, ungrouped: !grouped }" :data-board-group="tileId">
      <div class="board-queue-head">
        <h3>{{ name }}</h3>
        <span v-if="grouped && queue.open === false" class="badge warn" data-closed>{{ t('board.closed') }}</span>
        <span v-if="grouped" class="badge">{{ routingLabel(queue.routing) }}</span>
      </div>
      <div class="board-queue-figures">
        <div>
          <div class="figure" data-waiting>{{ queue.waiting }}</div>
          <div class="muted small">{{ t('board.waiting') }}</div>
        </div>
        <div>
          <div class="figure" data-longest-wait>{{ longest || '—' }}</div>
          <div class="muted small">{{ t('board.longestWait') }}</div>
        </div>
        <div v-if="grouped">
          <div class="figure" data-online>{{ queue.online }}</div>
          <div class="muted small">{{ t('board.online') }}</div>
        </div>
      </div>
      <div v-if="grouped" class="board-queue-load">
        <span class="muted small">{{ t('board.load') }}</span>
        <LoadBar :load="queue.load" :capacity="queue.capacity" />
      </div>
      <p v-else class="muted small">{{ t('board.noGroupHint') }}</p>
    </li>`,
};
