-- HR / Payroll. Every row belongs to a tenant; every query filters by tenant_id.

create table employees (
    id              uuid primary key,
    tenant_id       text           not null,
    employee_number text           not null,
    first_name      text           not null,
    last_name       text           not null,
    email           text           not null,
    position        text           not null,
    department      text,
    hire_date       date           not null,
    salary          numeric(19, 2) not null check (salary > 0),
    currency        char(3)        not null,
    created_at      timestamptz    not null,
    constraint employees_number_key unique (tenant_id, employee_number)
);
-- One employee per e-mail address and tenant, whatever its case.
create unique index employees_email_key on employees (tenant_id, lower(email));
create index employees_hire_date_idx on employees (tenant_id, hire_date);

-- At most one processed run per tenant, month and currency: the business key behind the 409.
create table payroll_runs (
    id             uuid primary key,
    tenant_id      text           not null,
    period         char(7)        not null,
    currency       char(3)        not null,
    total_amount   numeric(19, 2) not null,
    employee_count integer        not null check (employee_count > 0),
    processed_at   timestamptz    not null,
    constraint payroll_runs_period_key unique (tenant_id, period, currency)
);

-- What each employee got in a run, as computed then (salary and name as they were).
create table payroll_lines (
    payroll_run_id  uuid           not null references payroll_runs (id),
    tenant_id       text           not null,
    employee_id     uuid           not null,
    employee_number text           not null,
    first_name      text           not null,
    last_name       text           not null,
    monthly_salary  numeric(19, 2) not null,
    days_employed   integer        not null,
    days_in_period  integer        not null,
    amount          numeric(19, 2) not null,
    primary key (payroll_run_id, employee_id)
);

-- One entry per completed task (redelivered or re-published task.completed cannot double hours).
-- employee_id is the task's assignedResourceId: null when the task had none, and not necessarily an
-- employee of this service (no foreign key, on purpose).
create table timesheet_entries (
    id           uuid primary key,
    tenant_id    text           not null,
    task_id      uuid           not null,
    task_name    text           not null,
    project_id   uuid           not null,
    project_name text           not null,
    employee_id  uuid,
    hours        numeric(12, 2) not null check (hours >= 0),
    hours_source text           not null check (hours_source in ('ACTUAL', 'ESTIMATED', 'NONE')),
    completed_at timestamptz    not null,
    recorded_at  timestamptz    not null,
    constraint timesheet_entries_task_key unique (tenant_id, task_id)
);
create index timesheet_entries_employee_idx on timesheet_entries (tenant_id, employee_id, completed_at);
create index timesheet_entries_completed_idx on timesheet_entries (tenant_id, completed_at);
