/** The environment variables a service is configured with, checked before it connects to anything. */
package io.collector.service.config;
