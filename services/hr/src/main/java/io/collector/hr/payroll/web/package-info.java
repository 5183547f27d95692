/** REST API of payroll runs. */
package io.collector.hr.payroll.web;
