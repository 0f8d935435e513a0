/**
 * How conversations and messages look to clients (REST bodies and realtime frames), open
 * to other modules that show conversations (the supervisor board).
 */
@NamedInterface("views")
package dev.parley.conversations.views;

import org.springframework.modulith.NamedInterface;
