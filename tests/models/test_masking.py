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
    masked = masking.mask_properties({
        "name": "李秀英", "guardian": "王强", "guardian_phone": "15912345678",
        "contact_person": "张峰龙", "contact_phone": "13967244002", "gender": "女", "age": 94,
        "id_number": "420602193210280125", "condition": "半失能", "category": "精神障碍患者",
        "notes": "监护人在家", "school": "长安第一小学", "phone": None,
        "address": "七里河社区金桂苑8栋2单元301室",
    })
    assert masked == {"name": "李*英", "guardian": "王*", "guardian_phone": "159****5678",
                      "contact_person": "张*龙", "contact_phone": "139****4002",
                      "gender": "女", "age": 94, "id_number": "420602********0125",
                      "address": "七里河社区金桂苑8栋"}


def test_an_address_without_a_building_is_withheld_whole():
    assert masking.mask_address("某某路附近") == "***"
