/** Project Management: projects, their tasks and the resources (hired employees) tasks are assigned to. */
package io.collector.projects;
