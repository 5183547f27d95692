/** Projects and their tasks: a task moves OPEN → ASSIGNED → COMPLETED, and completing it publishes task.completed. */
package io.collector.projects.project;
