from desktop.models import masking


def test_names_keep_first_character():
    assert masking.mask_name("张三") == "张*"
    assert masking.mask_name("张小三") == "张*三"
    assert masking.mask_name("欧阳小明") == "欧**明"
    assert masking.mask_name("") == ""


def test_phone_keeps_prefix_and_last_four():
    assert masking.mask_phone("13812341234") == "138****1234"
    assert masking.mask_phone("138-1234-1234") == "138****1234"
    assert masking.mask_phone("0710-3456789") == "*******6789"


def test_id_number_keeps_region_and_last_four():
    assert masking.mask_id_number("42060619800101123X") == "420606********123X"


def test_sensitive_properties_masked_and_health_withheld():
    masked = masking.mask_properties(
        {
            "name": "李秀英",
            "guardian": "王强",
            "guardian_phone": "15912345678",
            "condition": "半失能",
            "address": "长安花园3栋",
        }
    )
    assert masked == {
        "name": "李*英",
        "guardian": "王*",
        "guardian_phone": "159****5678",
        "address": "长安花园3栋",
    }
