/** Auto-configuration and properties of the event bus. */
package io.collector.eventbus.config;
