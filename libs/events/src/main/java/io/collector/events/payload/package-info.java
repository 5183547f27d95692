/** The 11 event payloads of the spec, one immutable record per event type. */
package io.collector.events.payload;
