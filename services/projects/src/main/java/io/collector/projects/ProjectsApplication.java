package io.collector.projects;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ProjectsApplication {

    public static final String NAME = "projects";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, projects.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ProjectsApplication.class).properties("spring.config.name=" + NAME);
    }
}
