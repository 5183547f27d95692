/** REST API of employees. */
package io.collector.hr.employee.web;
