/** REST API of resources (read only: resources come from employee.hired). */
package io.collector.projects.resource.web;
