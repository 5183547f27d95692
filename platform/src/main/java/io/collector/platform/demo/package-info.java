/** The bus demo: the spec's ten services as stand-ins, every example event through the real topology. */
package io.collector.platform.demo;
