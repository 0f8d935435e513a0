// A conversation's line for its last message in lists (inbox, board): the text, or for a
// file its name after a file or image icon (named for screen readers), else the question.
import { t } from '../../../shared/js/i18n.js';
import { formatPreview } from './format.js';
import { FileIcon, ImageIcon } from './icons.js';

export default {
  name: 'PreviewLine',
  components: { FileIcon, ImageIcon },
  props: { conversation: Object },
  setup() {
    return { formatPreview, t };
  },
  template: `
    <span class="preview-line" :data-preview-kind="conversation.lastMessageAttachment || 'text'">
      <template v-if="conversation.lastMessageAttachment && conversation.lastMessagePreview">
        <ImageIcon v-if="conversation.lastMessageAttachment === 'image'" />
        <FileIcon v-else />
        <span class="visually-hidden">{{ t('inbox.previewKind.' + conversation.lastMessageAttachment) }}:</span>
      </template>
      {{ formatPreview(conversation) }}
    </span>`,
};
