package dev.vastguard.principal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerArnTest {

    @Test
    void registeredForm_assumedRole_isTheRoleArnWhateverTheSession() {
        assertThat(CallerArn.registeredForm("arn:aws:sts::123456789012:assumed-role/data-science/alice"))
                .contains("arn:aws:iam::123456789012:role/data-science");
    }

    @Test
    void registeredForm_iamRole_isUnchanged() {
        assertThat(CallerArn.registeredForm("arn:aws:iam::123456789012:role/platform-admin"))
                .contains("arn:aws:iam::123456789012:role/platform-admin");
    }

    @Test
    void registeredForm_blank_isEmpty() {
        assertThat(CallerArn.registeredForm(" ")).isEmpty();
        assertThat(CallerArn.registeredForm(null)).isEmpty();
    }
}
