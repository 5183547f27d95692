-- Project Management: projects, their tasks, and the resources (hired employees) tasks are assigned to.
-- Every table carries tenant_id and every query filters by it. Hours are numeric(9,2), never negative.

create table projects (
    id          uuid        primary key,
    tenant_id   text        not null,
    name        text        not null,
    description text,
    created_at  timestamptz not null,
    unique (tenant_id, id)
);

create index projects_tenant_idx on projects (tenant_id, created_at);

-- One row per employee.hired: the resource id IS the employee id, so HR can map task.completed's
-- assignedResourceId back to its employee. The key (tenant_id, id) makes a re-published copy of the
-- event (new eventId) a no-op, and an employee of tenant A can never be a resource of tenant B.
create table resources (
    tenant_id       text        not null,
    id              uuid        not null,
    employee_number text        not null,
    first_name      text        not null,
    last_name       text        not null,
    email           text        not null,
    position        text        not null,
    department      text,
    hire_date       timestamptz not null,
    created_at      timestamptz not null,
    primary key (tenant_id, id)
);

create table tasks (
    id                   uuid         primary key,
    tenant_id            text         not null,
    project_id           uuid         not null,
    name                 text         not null,
    estimated_hours      numeric(9,2) check (estimated_hours >= 0),
    status               text         not null check (status in ('OPEN', 'ASSIGNED', 'COMPLETED')),
    assigned_resource_id uuid,
    actual_hours         numeric(9,2) check (actual_hours > 0),
    created_at           timestamptz  not null,
    assigned_at          timestamptz,
    completed_at         timestamptz,
    unique (tenant_id, id),
    foreign key (tenant_id, project_id) references projects (tenant_id, id),
    -- Same tenant only: a task can never point at another tenant's resource.
    foreign key (tenant_id, assigned_resource_id) references resources (tenant_id, id),
    check (status <> 'ASSIGNED' or assigned_resource_id is not null),
    check ((status = 'COMPLETED') = (completed_at is not null and actual_hours is not null))
);

create index tasks_project_idx on tasks (tenant_id, project_id, created_at);
