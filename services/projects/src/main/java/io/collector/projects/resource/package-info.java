/** Resources: the people tasks are assigned to, one per employee hired (its id is the employee's id). */
package io.collector.projects.resource;
