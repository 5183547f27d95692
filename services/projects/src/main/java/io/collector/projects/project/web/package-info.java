/** REST API of projects and tasks. */
package io.collector.projects.project.web;
