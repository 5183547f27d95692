/** Consumes employee.hired into resources. */
package io.collector.projects.resource.messaging;
