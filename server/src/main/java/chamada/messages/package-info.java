/**
 * Class messages: a student writes to the teachers of a class, who read the class's inbox and
 * see each message live. The rules a store decides (the sender on the class's roster) are in
 * {@link chamada.messages.MessageStore}; the rest (who may read, anonymity, the text's limits,
 * the posting rate) in {@link chamada.messages.MessageService}.
 */
package chamada.messages;
